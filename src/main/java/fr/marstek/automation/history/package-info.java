/**
 * Time-series history: telemetry, mode changes, commands, Tempo days, plans and notifications,
 * stored in an embedded SQLite file by default or PostgreSQL/TimescaleDB, with rollups for charts.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "History",
    allowedDependencies = {
      "units",
      "config",
      "device",
      "control",
      "planning",
      "tariff",
      "tariff :: tempo"
    })
package fr.marstek.automation.history;
