package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.PhraseFormat;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The night is two Manual slots, and a battery cannot read them back: every slot the night needs
 * must be acknowledged, or the battery stops charging at midnight if the service is gone by then.
 * Over real UDP to the simulator, on the test clock.
 */
class MidnightSlotsOverUdpTest {

  private static final Duration CYCLE = Duration.ofSeconds(30);
  private static final ManualSlot MORNING =
      new ManualSlot(
          DeviceCommands.MORNING_SLOT,
          LocalTime.MIDNIGHT,
          LocalTime.of(6, 0),
          EnumSet.allOf(DayOfWeek.class),
          Watts.of(-2500),
          true);

  @Test
  void aRefusedMorningSlotIsSentAgainUntilTheBatteryAcknowledgesIt() throws Exception {
    try (var control =
        UdpControl.at("2026-12-01T21:59:30", UdpControl.VENUS.withInitialSoc(Percent.of(20)))) {
      var faults = control.device(1).faults().rejectSlot(DeviceCommands.MORNING_SLOT);

      control.cycleEvery(CYCLE, "2026-12-01T22:30:00", () -> {});

      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower().value())
          .as("the evening slot charges")
          .isLessThan(-2000);
      assertThat(control.view(1).confirmed()).as("not while slot 1 is refused").isFalse();
      assertThat(control.eventsOf(BatteryDrifted.class, 1))
          .singleElement()
          .satisfies(d -> assertThat(PhraseFormat.english(d.mismatch())).contains("manual slot 1"));

      faults.rejectSlot(-1);
      control.cycleEvery(CYCLE, "2026-12-01T22:40:00", () -> {});

      assertThat(control.battery(1).manualSlots()).contains(MORNING);
      assertThat(control.view(1).confirmed()).isTrue();
      List<String> sent = sentCommands(control.eventsOf(CommandSent.class, 1));
      assertThat(sent).filteredOn(c -> c.startsWith("Manual slot 0")).hasSize(1);
      assertThat(sent).filteredOn(c -> c.startsWith("Manual slot 1")).hasSizeGreaterThan(1);
      System.out.printf(
          "Slot 1 refused 22:00-22:30: %d writes of slot 1, 1 of slot 0%n",
          sent.stream().filter(c -> c.startsWith("Manual slot 1")).count());

      control.clock.advance(Duration.ofMinutes(90)); // the service is gone: no more cycles
      control.battery(1).setSoc(Percent.of(30)); // room for the morning's charge
      control.clock.advance(Duration.ofMinutes(1));
      assertThat(control.battery(1).acPower().value())
          .as("still charging at 00:11 on its own")
          .isLessThan(-2000);
    }
  }

  @ParameterizedTest(name = "slot record saved before the stop: {0}")
  @ValueSource(booleans = {true, false})
  void aServiceStoppedBetweenTheTwoWritesWritesTheMorningSlotAfterItsRestart(boolean saved)
      throws Exception {
    try (var control =
        UdpControl.at("2026-12-01T22:00:00", UdpControl.VENUS.withInitialSoc(Percent.of(20)))) {
      var jdbc = JdbcClient.create(ControlTestKit.freshDatabase());
      var first =
          ControlTestKit.control(
              stopsBeforeSlotOne(control.fleet),
              UdpControl.SEED,
              e -> {},
              control.clock,
              jdbc,
              "a");
      try {
        first.cycle().run(control.fleet.battery(1), false);
      } catch (ServiceStopped e) {
        // the process ended here, between the two writes
      }
      if (saved) {
        first.queries().leaseKeeper().renewNow(); // its keeper had saved the record before the stop
      }
      assertThat(control.battery(1).manualSlots()).doesNotContain(MORNING);

      control.clock.advance(Duration.ofMinutes(3)); // restarted once the lease expired
      List<Object> events = new CopyOnWriteArrayList<>();
      var second =
          ControlTestKit.control(
              control.fleet, UdpControl.SEED, events::add, control.clock, jdbc, "b");
      second.cycle().run(control.fleet.battery(1), false);

      assertThat(control.battery(1).manualSlots()).contains(MORNING);
      List<String> sent =
          sentCommands(
              events.stream()
                  .filter(CommandSent.class::isInstance)
                  .map(CommandSent.class::cast)
                  .toList());
      if (saved) {
        assertThat(sent)
            .as("only what was missing")
            .singleElement()
            .asString()
            .startsWith("Manual slot 1");
      } else {
        assertThat(sent).as("nothing known: both again").hasSize(2);
      }
      assertThat(
              second
                  .queries()
                  .view(fr.marstek.automation.device.BatteryId.of(1))
                  .orElseThrow()
                  .confirmed())
          .isTrue();
    }
  }

  @Test
  void aFirmwareIdleInTheLastMinuteBeforeMidnightIsNotADrift() throws Exception {
    try (var control =
        UdpControl.at("2026-12-01T23:57:59", UdpControl.VENUS.withInitialSoc(Percent.of(20)))) {
      control.device(1).faults().lastMinuteIdle(true);
      List<Double> lastMinute = new ArrayList<>();

      control.cycleEvery(
          CYCLE,
          "2026-12-02T00:01:00",
          () -> {
            if (control.parisNow().toLocalTime().isAfter(LocalTime.of(23, 59))) {
              lastMinute.add(control.battery(1).acPower().value());
            }
          });

      assertThat(lastMinute).as("the fault idles the battery at 23:59:29").startsWith(0.0);
      assertThat(control.eventsOf(CommandSent.class, 1))
          .as("two slots at the first cycle, nothing after")
          .hasSize(2);
      assertThat(control.eventsOf(BatteryDrifted.class, 1)).isEmpty();
      assertThat(control.battery(1).acPower().value())
          .as("charging after midnight")
          .isLessThan(-2000);
    }
  }

  @Test
  void everyRetryOfADriftCorrectionIsRecordedAsOne() throws Exception {
    try (var control =
        UdpControl.at("2026-12-01T22:00:00", UdpControl.VENUS.withInitialSoc(Percent.of(20)))) {
      control.cycle(); // Manual, confirmed
      control.clock.advance(CYCLE);
      control.battery(1).setMode(DeviceMode.AUTO); // the firmware drops Manual
      control.device(1).faults().rejectSets(true);

      control.cycleEvery(CYCLE, "2026-12-01T22:10:00", () -> {});

      var corrections =
          control.eventsOf(CommandSent.class, 1).stream()
              .filter(c -> c.at().isAfter(control.clock.instant().minus(Duration.ofMinutes(10))))
              .toList();
      assertThat(corrections).hasSizeGreaterThan(2);
      assertThat(corrections)
          .allSatisfy(c -> assertThat(c.cause()).isEqualTo(Cause.DRIFT_CORRECTION));
    }
  }

  private static List<String> sentCommands(List<CommandSent> sent) {
    return sent.stream().map(c -> PhraseFormat.english(c.command())).toList();
  }

  /** The fleet's battery 1, through a port that ends "the process" before slot 1 is written. */
  private static Batteries stopsBeforeSlotOne(Batteries fleet) {
    BatteryPort real = fleet.all().getFirst();
    BatteryPort stopping =
        new BatteryPort() {
          @Override
          public fr.marstek.automation.device.BatteryId id() {
            return real.id();
          }

          @Override
          public String address() {
            return real.address();
          }

          @Override
          public fr.marstek.automation.device.DeviceIdentity identify() throws BatteryUnreachable {
            return real.identify();
          }

          @Override
          public BatteryStatus readStatus() throws BatteryUnreachable {
            return real.readStatus();
          }

          @Override
          public void apply(ModeCommand command)
              throws BatteryUnreachable, fr.marstek.automation.device.CommandRejected {
            if (command instanceof ModeCommand.Manual(ManualSlot slot)
                && slot.index() == DeviceCommands.MORNING_SLOT) {
              throw new ServiceStopped();
            }
            real.apply(command);
          }
        };
    return new Batteries() {
      @Override
      public List<BatteryPort> all() {
        return List.of(stopping);
      }

      @Override
      public boolean isDemo() {
        return true;
      }
    };
  }

  private static final class ServiceStopped extends RuntimeException {}
}
