package fr.marstek.automation.history;

import java.time.Instant;

/** The history database, unreachable at start-up, answers and is migrated now. */
public record HistoryDatabaseReady(Instant at) {}
