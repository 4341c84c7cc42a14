package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Open API client against the simulator's firmware faults, over real UDP. */
class ClientAgainstSimulatorTest {

  private static final SimulatorOptions VENUS =
      SimulatorOptions.defaults()
          .withInitialSoc(Percent.of(60))
          .withLoad(HouseholdLoad.constant(Watts.of(300)));

  private static final List<ModeCommand> COMMANDS =
      List.of(
          new ModeCommand.Passive(Watts.of(-1200), Duration.ofMinutes(5)),
          new ModeCommand.Auto(),
          new ModeCommand.Manual(ModeCommand.ManualSlot.placeholder()),
          new ModeCommand.Ai());

  private final MutableClock clock = MutableClock.atParis("2026-12-01T12:00:00");
  private UdpBatteries fleet;

  @AfterEach
  void close() {
    if (fleet != null) {
      fleet.close();
    }
  }

  private static MarstekClientSettings settings(Duration timeout, int retries) {
    return UdpBatteries.fastPacing(timeout, retries);
  }

  /** Applies each command in turn and checks every read against the simulated physics. */
  private void commandAndReadBack(BatteryPort battery, SimulatedDevice device, int rounds)
      throws Exception {
    for (int i = 0; i < rounds; i++) {
      ModeCommand command = COMMANDS.get(i % COMMANDS.size());
      battery.apply(command);
      clock.advance(Duration.ofSeconds(30));

      BatteryStatus status = battery.readStatus();

      assertThat(status.mode()).isEqualTo(command.expectedMode());
      BatteryStatus truth = device.battery().status(status.id());
      assertThat(status.soc()).isEqualTo(truth.soc());
      assertThat(status.acPower()).isEqualTo(truth.acPower());
      assertThat(status.meterPower()).isPresent();
    }
  }

  @Test
  void everyReadAndCommandGetsThroughWhenAThirdOfTheRequestsAreLost() throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(60), 8), clock, VENUS.withSeed(42));
    SimulatedDevice device = fleet.device(1);
    device.faults().lossRate(0.3);
    BatteryPort battery = fleet.battery(1);

    assertThat(battery.identify().bleMac()).isEqualTo(device.options().bleMac());
    commandAndReadBack(battery, device, 8);

    // identify, the meter and Bat.GetStatus once, then per round a command and one ES.GetStatus:
    // the mode is not read back within a minute of a command, the meter every 5 minutes.
    int exchanges = 3 + 8 * 2;
    assertThat(device.requestsReceived()).isGreaterThan(exchanges + exchanges / 5);
  }

  @Test
  void aSilentBatteryFailsWithAReasonWhileItsNeighbourOnTheSameTransportKeepsAnswering()
      throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(1500), 0), clock, VENUS, VENUS);
    BatteryPort silent = fleet.battery(1);
    BatteryPort neighbour = fleet.battery(2);
    silent.readStatus();
    neighbour.readStatus();
    fleet.device(1).faults().apiDisabled(true);
    int before = fleet.device(1).requestsReceived();
    var order = new ConcurrentLinkedQueue<String>();

    var failure =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                silent.readStatus();
                return "answered";
              } catch (BatteryUnreachable e) {
                order.add("battery 1 unreachable");
                return e.getMessage();
              }
            },
            Thread.ofVirtual()::start);
    await()
        .pollInterval(Duration.ofMillis(1))
        .until(() -> fleet.device(1).requestsReceived() > before);
    for (int i = 0; i < 5; i++) {
      assertThat(neighbour.readStatus().mode()).isEqualTo(DeviceMode.AUTO);
      order.add("battery 2 read");
    }

    assertThat(failure.get()).contains("no reply to ES.GetStatus").contains("after 1 attempts");
    assertThat(order)
        .containsExactly(
            "battery 2 read",
            "battery 2 read",
            "battery 2 read",
            "battery 2 read",
            "battery 2 read",
            "battery 1 unreachable");
    assertThat(fleet.device(1).requestsReceived()).isEqualTo(before + 1);
  }

  /** Clears a fault once the device has handled {@code replies} more requests. */
  private static CompletableFuture<Void> clearAfter(
      SimulatedDevice device, int replies, Runnable clear) {
    int before = device.requestsReceived();
    return CompletableFuture.runAsync(
        () -> {
          await()
              .pollInterval(Duration.ofMillis(1))
              .until(() -> device.requestsReceived() >= before + replies);
          clear.run();
        },
        Thread.ofVirtual()::start);
  }

  @Test
  void garbageRepliesAreIgnoredAndTheRetryAfterThemIsRead() throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(100), 8), clock, VENUS);
    SimulatedDevice device = fleet.device(1);
    BatteryPort battery = fleet.battery(1);
    battery.readStatus();
    device.faults().garbageReplies(true);

    var cleared = clearAfter(device, 2, () -> device.faults().garbageReplies(false));
    BatteryStatus status = battery.readStatus();

    assertThat(status.soc()).isEqualTo(Percent.of(60));
    assertThat(status.mode()).isEqualTo(DeviceMode.AUTO);
    cleared.get();
    commandAndReadBack(battery, device, 4);
  }

  @Test
  void aBatteryThatStaysGarbledIsUnreachableAndRecoversAfterwards() throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(100), 1), clock, VENUS);
    SimulatedDevice device = fleet.device(1);
    BatteryPort battery = fleet.battery(1);
    battery.readStatus();
    device.faults().garbageReplies(true);

    assertThatThrownBy(battery::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessageContaining("ES.GetStatus");

    device.faults().garbageReplies(false);
    commandAndReadBack(battery, device, 4);
  }

  @Test
  void busyAnswersAreRetriedUntilTheBatteryAnswersForReal() throws Exception {
    // Busy answers come at once, so the backoff (20 ms more per retry) spaces the attempts.
    var patient =
        new MarstekClientSettings(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(250),
            Duration.ofMillis(250),
            10,
            10,
            Duration.ofMillis(20),
            Duration.ofMinutes(5),
            LocalPortPolicy.EPHEMERAL,
            InetAddress.getLoopbackAddress());
    fleet = UdpBatteries.start(patient, clock, VENUS);
    SimulatedDevice device = fleet.device(1);
    BatteryPort battery = fleet.battery(1);
    battery.readStatus();
    device.faults().busy(true);

    var cleared = clearAfter(device, 2, () -> device.faults().busy(false));
    battery.apply(new ModeCommand.Ai());
    cleared.get();

    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AI);
    assertThat(battery.readStatus().mode()).isEqualTo(DeviceMode.AI);
  }

  @Test
  void aBatteryThatStaysBusyIsUnreachableSayingSo() throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(250), 2), clock, VENUS);
    SimulatedDevice device = fleet.device(1);
    BatteryPort battery = fleet.battery(1);
    battery.readStatus();
    device.faults().busy(true);
    int before = device.requestsReceived();

    assertThatThrownBy(battery::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessageContaining("busy");
    // The device counts a request once handled, which can be just after its reply left.
    await().atMost(Duration.ofSeconds(5)).until(() -> device.requestsReceived() >= before + 3);
    assertThat(device.requestsReceived()).isEqualTo(before + 3);

    device.faults().busy(false);
    commandAndReadBack(battery, device, 4);
  }

  @Test
  void duplicateRepliesNeverAnswerTheNextRequest() throws Exception {
    fleet = UdpBatteries.start(settings(Duration.ofMillis(250), 2), clock, VENUS);
    SimulatedDevice device = fleet.device(1);
    device.faults().duplicateReplies(true);

    commandAndReadBack(fleet.battery(1), device, 12);
  }
}
