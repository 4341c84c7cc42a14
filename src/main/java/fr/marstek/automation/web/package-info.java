/** The REST API (and later the dashboard): reads through control's query API, writes through it. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web",
    allowedDependencies = {
      "units",
      "config",
      "device",
      "control",
      "planning",
      "tariff",
      "tariff :: tempo"
    })
package fr.marstek.automation.web;
