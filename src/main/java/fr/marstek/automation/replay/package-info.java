/**
 * Replays recorded seasons (Tempo colours and house load) hour by hour through the planner, with
 * only what was known at each hour, to measure what each strategy earns.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Replay",
    allowedDependencies = {"planning", "tariff", "tariff :: tempo", "units"})
package fr.marstek.automation.replay;
