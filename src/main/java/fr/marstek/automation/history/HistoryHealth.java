package fr.marstek.automation.history;

import java.time.Instant;
import java.util.Optional;

/** Whether the history database takes writes, and how much waits in memory meanwhile. */
public interface HistoryHealth {

  /** Since when writes fail; empty while the database takes them. */
  Optional<Instant> failingSince();

  /** The last write error's message while failing. */
  Optional<String> lastError();

  /** Records accepted and not yet committed. */
  int pending();

  /** How many records the memory buffer holds before new ones are dropped. */
  int capacity();

  /** Records dropped because the buffer was full, since start-up. */
  long dropped();
}
