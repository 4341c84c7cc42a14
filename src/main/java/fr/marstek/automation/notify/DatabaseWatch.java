package fr.marstek.automation.notify;

import fr.marstek.automation.history.HistoryHealth;
import fr.marstek.automation.history.HistoryHealth.WriteFailure;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The history database refusing writes for {@value #GRACE_MINUTES} minutes in a row: a restart of
 * the database or a brief lock is not worth a message, a lasting outage is (the writer keeps at
 * most 10,000 records waiting in memory).
 */
final class DatabaseWatch implements Watch {

  static final int GRACE_MINUTES = 5;
  static final String SUBJECT = "history-database";
  private static final int LONGEST_ERROR = 160;

  private final Notifications notifications;
  private final HistoryHealth history;

  DatabaseWatch(Notifications notifications, HistoryHealth history) {
    this.notifications = notifications;
    this.history = history;
  }

  @Override
  public void check(Instant now) {
    Optional<WriteFailure> failure = history.writeFailure();
    if (failure.isEmpty()) {
      notifications.clear(SUBJECT);
      return;
    }
    Duration failing = Duration.between(failure.get().since(), now);
    if (failing.toMinutes() < GRACE_MINUTES) {
      return;
    }
    String error = failure.get().error();
    if (error.length() > LONGEST_ERROR) {
      error = error.substring(0, LONGEST_ERROR) + "…";
    }
    notifications.send(failing(failure.get().since(), failing, error));
  }

  static Notice failing(Instant since, Duration failing, String error) {
    return Wording.catalogued(
        NoticeKind.DATABASE_FAILING,
        SUBJECT,
        Phrase.of("notice.databaseFailing.title"),
        Phrase.of(
            "notice.databaseFailing.body",
            Arg.text(Figures.hour(since)),
            Arg.text(failing.toMinutes() + " min"),
            Arg.text(error)));
  }
}
