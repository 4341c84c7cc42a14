/**
 * Talks to Marstek batteries over Modbus TCP: Venus E 3.0, A and D on their Ethernet port (profile
 * v3), Venus E 1.0/2.0 through an RS485-to-TCP bridge (profile v2).
 */
package fr.marstek.automation.device.modbus;
