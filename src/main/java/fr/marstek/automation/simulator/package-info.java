/**
 * A simulated Marstek Venus E: battery physics driven by an injected clock, a real UDP peer that
 * speaks the Open API, switchable firmware faults, and the demo fleet started when no battery is
 * configured.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Simulator",
    allowedDependencies = {"units", "config", "device"})
package fr.marstek.automation.simulator;
