package fr.marstek.automation.history;

import java.time.Instant;
import java.util.Optional;

/** Whether the history database takes writes, for whoever must tell the household it does not. */
public interface HistoryHealth {

  /** Since when writes have failed in a row, and the last error; empty while writes succeed. */
  Optional<WriteFailure> writeFailure();

  /** Writes fail since {@code since}; {@code error} is the database's last message. */
  record WriteFailure(Instant since, String error) {}
}
