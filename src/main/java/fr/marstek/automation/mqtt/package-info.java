/**
 * Home Assistant over MQTT: discovery, state and availability for every battery, Tempo's colours
 * and the measured savings, and commands that go through control's Automation API.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "MQTT",
    allowedDependencies = {
      "units",
      "config",
      "device",
      "control",
      "tariff",
      "tariff :: tempo",
      "history"
    })
package fr.marstek.automation.mqtt;
