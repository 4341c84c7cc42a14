package fr.marstek.automation.control;

import java.time.Instant;

/** What a battery will do from one instant to the next, and why. */
public record ScheduleStep(Instant from, Instant to, DesiredState state) {}
