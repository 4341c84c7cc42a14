/**
 * Home Assistant over MQTT: discovery, state and availability for every battery, and commands that
 * go through control's Automation API.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "MQTT",
    allowedDependencies = {"units", "config", "device", "control"})
package fr.marstek.automation.mqtt;
