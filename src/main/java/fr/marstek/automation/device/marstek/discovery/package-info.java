/** Finds Marstek batteries on the LAN by broadcasting {@code Marstek.GetDevice}. */
package fr.marstek.automation.device.marstek.discovery;
