/**
 * Prometheus metrics, all named marstek_: each battery's state, Tempo's colours and price, command
 * outcomes and drifts (JVM metrics by Boot).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Metrics",
    allowedDependencies = {"units", "device", "control", "tariff", "tariff :: tempo"})
package fr.marstek.automation.metrics;
