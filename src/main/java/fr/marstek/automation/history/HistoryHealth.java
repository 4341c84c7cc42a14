package fr.marstek.automation.history;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the history database takes writes, and how much waits in memory meanwhile: for /health
 * and for whoever must tell the household it does not.
 */
public interface HistoryHealth {

  /** Since when writes have failed in a row, and the last error; empty while writes succeed. */
  Optional<WriteFailure> writeFailure();

  /** Records accepted and not yet committed. */
  int pending();

  /** How many records the memory buffer holds before new ones are dropped. */
  int capacity();

  /** Records dropped because the buffer was full, since start-up. */
  long dropped();

  /** Writes fail since {@code since}; {@code error} is the database's last message. */
  record WriteFailure(Instant since, String error) {}
}
