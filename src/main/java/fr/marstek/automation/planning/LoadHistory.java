package fr.marstek.automation.planning;

import java.time.Instant;
import java.util.OptionalDouble;

/** Measured mean house power (W) over a past hour, empty when not measured. */
@FunctionalInterface
public interface LoadHistory {

  OptionalDouble watts(Instant hourStart);
}
