package fr.marstek.automation.control;

import java.time.Instant;
import java.util.Optional;

/** What control wants of one battery and how far it got, for the API and the dashboard. */
public record ControlView(
    Optional<DesiredState> desired,
    boolean confirmed,
    boolean drifted,
    int attempts,
    Optional<Instant> lastCommandAt) {}
