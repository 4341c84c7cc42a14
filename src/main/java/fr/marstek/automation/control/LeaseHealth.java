package fr.marstek.automation.control;

import java.time.Instant;
import java.util.Optional;

/**
 * The lease keeper's state, for /health: control itself never waits on it.
 *
 * @param stalledSince when its running round started, once that round has hung for two periods
 * @param databaseAwaySince since when the database has not answered its statements
 * @param error the database's last error
 */
public record LeaseHealth(
    Optional<Instant> stalledSince, Optional<Instant> databaseAwaySince, Optional<String> error) {}
