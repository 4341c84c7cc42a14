/** Prometheus metrics: each battery's state, command outcomes and drifts (JVM metrics by Boot). */
@org.springframework.modulith.ApplicationModule(
    displayName = "Metrics",
    allowedDependencies = {"units", "device", "control"})
package fr.marstek.automation.metrics;
