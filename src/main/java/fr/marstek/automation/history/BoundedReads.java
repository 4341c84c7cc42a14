package fr.marstek.automation.history;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;

/**
 * Runs a read that control's plan needs (past load, stored Tempo colours) on a thread of its own
 * and waits at most {@link #LIMIT}: a database that hangs or is away gives nothing, and the plan is
 * made from what is known, never a control cycle stuck on the database. While one read hangs, the
 * next ones give up at once instead of piling up.
 */
final class BoundedReads {

  static final Duration LIMIT = Duration.ofSeconds(2);

  private final Duration limit;
  private volatile FutureTask<?> hung;

  BoundedReads(Duration limit) {
    this.limit = limit;
  }

  <T> Optional<T> read(Supplier<T> query) {
    FutureTask<?> stuck = hung;
    if (stuck != null && !stuck.isDone()) {
      return Optional.empty();
    }
    FutureTask<T> task = new FutureTask<>(query::get);
    Thread.ofVirtual().name("bounded-read").start(task);
    try {
      return Optional.ofNullable(task.get(limit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      hung = task;
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DataAccessException) {
        return Optional.empty(); // the database is away: /health and the history writer say so
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
