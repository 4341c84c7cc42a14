/** The REST API and the dashboard: read through control's query API, write through it. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web",
    allowedDependencies = {
      "units",
      "config",
      "device",
      "control",
      "planning",
      "tariff",
      "tariff :: tempo",
      "history",
      "notify",
      "notify :: channel",
      "settings"
    })
package fr.marstek.automation.web;
