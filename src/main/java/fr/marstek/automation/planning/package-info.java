/**
 * The planner: a pure function from battery states, the tariff (Tempo knowledge), a load forecast
 * and wear cost to a {@link fr.marstek.automation.planning.Plan}. No Spring, no I/O, no clock
 * reads.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Planning",
    allowedDependencies = {"units", "tariff", "tariff :: tempo"})
package fr.marstek.automation.planning;
