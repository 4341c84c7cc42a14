/**
 * Keeps every battery in the state it should be in: observes, decides, commands, verifies, and
 * publishes what happened as events.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Control",
    allowedDependencies = {"units", "config", "device", "planning", "tariff", "tariff :: tempo"})
package fr.marstek.automation.control;
