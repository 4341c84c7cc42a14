package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ServiceTest(webEnvironment = WebEnvironment.MOCK)
class ControlEventsListenerTest {

  static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
  static final BatteryId TWO = BatteryId.of(2);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    Path directory = Files.createTempDirectory("history-events");
    registry.add("DATABASE_FILE", () -> directory.resolve("events.db").toString());
    registry.add("DATABASE_URL", () -> "");
  }

  @Autowired ApplicationEventPublisher events;
  @Autowired HistoryRecorder recorder;
  @Autowired HistoryQueries queries;

  @Test
  void storesObservedStatusesAndConnectivityFromControl() {
    events.publishEvent(
        new BatteryStatusObserved(
            new BatteryStatus(
                TWO,
                NOON,
                Percent.of(64),
                Watts.of(800),
                DeviceMode.AUTO,
                WattHours.ofKilowattHours(5.12),
                Optional.of(Watts.of(-150)),
                Optional.of(new Celsius(31)),
                WattHours.of(1000),
                WattHours.of(900))));
    events.publishEvent(new BatteryWentOffline(TWO, NOON.plusSeconds(30), "3 polls unanswered"));
    events.publishEvent(new BatteryCameBack(TWO, NOON.plusSeconds(90), Duration.ofSeconds(60)));

    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    var points = queries.series(Optional.of(TWO), NOON, NOON.plusSeconds(120)).points();
    assertThat(points).hasSize(2);
    assertThat(points.getFirst().soc()).isEqualTo(64.0);
    assertThat(points.getFirst().gridPower()).isEqualTo(-150.0);
    assertThat(points.getFirst().temperature()).isEqualTo(31.0);
    assertThat(points.get(1).online()).isZero();
    assertThat(queries.connectivity(Optional.of(TWO), NOON, NOON.plusSeconds(120)))
        .extracting(ConnectivityChange::online)
        .containsExactly(false, true);
  }

  @Test
  void storesModeChangesAndCommandsWithTheirCause() {
    events.publishEvent(
        new fr.marstek.automation.control.ModeChanged(
            TWO,
            DeviceMode.AUTO,
            DeviceMode.MANUAL,
            fr.marstek.automation.control.Cause.SCHEDULE,
            Phrase.verbatim("Night: charging"),
            NOON.plusSeconds(200)));
    events.publishEvent(
        new fr.marstek.automation.control.CommandSent(
            TWO,
            Phrase.of("command.auto"),
            fr.marstek.automation.control.CommandSent.Outcome.REJECTED,
            Optional.of("set_result:false"),
            fr.marstek.automation.control.Cause.DRIFT_CORRECTION,
            NOON.plusSeconds(210)));

    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    var changes =
        queries.modeChanges(Optional.of(TWO), NOON.plusSeconds(199), NOON.plusSeconds(201));
    var commands = queries.commands(Optional.of(TWO), NOON.plusSeconds(209), NOON.plusSeconds(211));
    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.to()).isEqualTo(DeviceMode.MANUAL);
              assertThat(c.cause()).isEqualTo(ChangeCause.SCHEDULE);
            });
    assertThat(commands)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(CommandOutcome.REJECTED);
              assertThat(c.cause()).isEqualTo(ChangeCause.DRIFT_CORRECTION);
            });
  }
}
