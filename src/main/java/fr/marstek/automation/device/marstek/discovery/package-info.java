/** Finds Marstek batteries on the LAN by broadcasting {@code Marstek.GetDevice}. */
@org.springframework.modulith.NamedInterface("discovery")
package fr.marstek.automation.device.marstek.discovery;
