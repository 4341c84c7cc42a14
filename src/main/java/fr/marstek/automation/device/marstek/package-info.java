/** Talks to Marstek batteries over their local UDP JSON-RPC "Open API". */
@org.springframework.modulith.NamedInterface("client")
package fr.marstek.automation.device.marstek;
