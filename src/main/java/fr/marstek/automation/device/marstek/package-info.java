/** Talks to Marstek batteries over their local UDP JSON-RPC "Open API". */
package fr.marstek.automation.device.marstek;
