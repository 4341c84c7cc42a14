package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** The plan's database reads never hold a control cycle longer than their limit. */
class BoundedReadsTest {

  private final BoundedReads reads = new BoundedReads(Duration.ofMillis(200));

  @Test
  void aReadThatAnswersGivesItsValue() {
    assertThat(reads.read(() -> 42)).contains(42);
  }

  @Test
  void aDatabaseErrorGivesNothing() {
    assertThat(
            reads.read(
                () -> {
                  throw new QueryTimeoutException("canceling statement due to statement timeout");
                }))
        .isEmpty();
  }

  @Test
  void aHungReadGivesNothingAndTheNextOnesDoNotWaitWhileItHangs() throws Exception {
    var hang = new CountDownLatch(1);
    var started = new AtomicInteger();

    var first =
        reads.read(
            () -> {
              started.incrementAndGet();
              try {
                hang.await(); // a locked table: no answer at all
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 1;
            });
    var second =
        reads.read(
            () -> {
              started.incrementAndGet();
              return 2;
            });

    assertThat(first).isEmpty();
    assertThat(second).as("given up at once, not started").isEmpty();
    assertThat(started).hasValue(1);

    hang.countDown(); // the hung read ends: reads wait again
    await().atMost(Duration.ofSeconds(5)).until(() -> reads.read(() -> 3).isPresent());
  }
}
