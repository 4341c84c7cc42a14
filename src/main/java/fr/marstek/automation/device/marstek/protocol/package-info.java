/**
 * The Marstek Open API messages as typed records with units, and the codec that reads and writes
 * them. Shared with the simulator.
 */
@org.springframework.modulith.NamedInterface("protocol")
package fr.marstek.automation.device.marstek.protocol;
