package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;

class TempoPollingTest {

  private final LocalHttpServer server = new LocalHttpServer();
  private final MutableClock clock = MutableClock.atParis("2026-01-28T12:00:00");
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final PollPlan plan =
      new PollPlan(
          Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ZERO);

  TempoPollingTest() {
    scheduler.initialize();
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
    server.close();
  }

  private TempoPolling polling(boolean enabled) {
    var provider =
        new RtePublicProvider(
            new TempoHttp(Duration.ofSeconds(5)),
            JsonMapper.builder().build(),
            server.url("/cms/open_data/v1"));
    var colours = new TempoColours(List.of(provider), new InMemoryColourCache(), clock, enabled);
    return new TempoPolling(
        colours, plan, clock, scheduler, RandomGenerator.of("L64X128MixRandom"));
  }

  @Test
  void failingSourcesAreAskedAgainAfterOneThenTwoThenFourMinutes() {
    server.always("/cms/open_data/v1/tempoLight", Reply.status(503));
    TempoPolling polling = polling(true);

    var first = polling.pollOnce();
    var second = polling.pollOnce();
    var third = polling.pollOnce();

    assertThat(first).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(second).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    assertThat(third).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));
    assertThat(polling.failuresInARow()).isEqualTo(3);
  }

  @Test
  void anAnswerEndsTheBackoffAndTheNextPollFollowsPublication() {
    server.then("/cms/open_data/v1/tempoLight", Reply.status(503));
    server.always(
        "/cms/open_data/v1/tempoLight",
        Reply.json(200, "{\"values\":{\"2026-01-28\":\"RED\",\"2026-01-29\":\"WHITE\"}}"));
    TempoPolling polling = polling(true);

    polling.pollOnce();
    var afterAnswer = polling.pollOnce();

    assertThat(polling.failuresInARow()).isZero();
    assertThat(afterAnswer).isEqualTo(MutableClock.atParis("2026-01-29T06:05:00").instant());
  }

  @Test
  void startingPollsAtOnceOnTheSchedulerAndStoppingCancelsTheNextPoll() {
    server.always("/cms/open_data/v1/tempoLight", Reply.status(503));
    TempoPolling polling = polling(true);

    polling.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> polling.nextPollAt().isPresent());
    assertThat(server.seen("/cms/open_data/v1/tempoLight")).isNotEmpty();
    assertThat(polling.isRunning()).isTrue();
    polling.stop();
    assertThat(polling.isRunning()).isFalse();
  }

  @Test
  void withTempoTurnedOffThePollerDoesNotStartByItself() {
    assertThat(polling(false).isAutoStartup()).isFalse();
  }
}
