package fr.marstek.automation.notify;

import fr.marstek.automation.history.HistoryHealth;
import fr.marstek.automation.history.HistoryHealth.WriteFailure;
import fr.marstek.automation.notify.channel.Message;
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
    String at = Figures.hour(failure.get().since());
    String minutes = failing.toMinutes() + " min";
    notifications.send(
        new Notice(
            NoticeKind.DATABASE_FAILING,
            SUBJECT,
            new Message(
                "Base d'historique en échec",
                "Les écritures dans la base d'historique échouent depuis "
                    + at
                    + " ("
                    + minutes
                    + ") : "
                    + error
                    + ". Elles attendent en mémoire (10 000 enregistrements au plus)."),
            new Message(
                "History database failing",
                "Writes to the history database have failed since "
                    + at
                    + " ("
                    + minutes
                    + "): "
                    + error
                    + ". They wait in memory (10,000 records at most).")));
  }
}
