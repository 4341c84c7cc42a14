package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real client against the real simulator, over real UDP on loopback. */
class MarstekClientAgainstSimulatorTest {

  private final MarstekClientSettings settings =
      TestSettings.with(TestSettings.fast(), Duration.ofMillis(20), Duration.ofMillis(150), 6);
  private final MarstekTransport transport = TestSettings.transport(settings);
  private final List<SimulatedDevice> devices = new ArrayList<>();

  @AfterEach
  void close() {
    transport.stop();
    devices.forEach(SimulatedDevice::close);
  }

  private MarstekBattery battery(int number, SimulatorOptions options) {
    SimulatedDevice device =
        SimulatedDevice.start(
            options.withSeed(number).withBleMac(String.format("0a0b0c0d0e%02x", number)),
            InstantSource.system());
    devices.add(device);
    return new MarstekBattery(
        transport.link(
            new BatteryEndpoint(BatteryId.of(number), device.address()), LocalPortPolicy.EPHEMERAL),
        transport.clock(),
        settings);
  }

  @Test
  void readsWhatTheSimulatedBatteryHolds() throws Exception {
    MarstekBattery battery = battery(1, SimulatorOptions.defaults().withInitialSoc(Percent.of(62)));

    BatteryStatus status = battery.readStatus();

    assertThat(status.soc().value()).isBetween(61.0, 62.0);
    assertThat(status.mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(status.capacity().value()).isEqualTo(5120);
    assertThat(battery.identify().model()).isEqualTo("VenusE 3.0");
  }

  @Test
  void aManualChargingSlotIsTakenAndShowsAsChargingPower() throws Exception {
    MarstekBattery battery = battery(1, SimulatorOptions.defaults().withInitialSoc(Percent.of(40)));
    var allDay =
        new ModeCommand.ManualSlot(
            0,
            LocalTime.MIDNIGHT,
            LocalTime.of(23, 59),
            EnumSet.allOf(DayOfWeek.class),
            Watts.of(-1500),
            true);

    battery.apply(new ModeCommand.Manual(allDay));
    BatteryStatus status = battery.readStatus();

    assertThat(status.mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(status.acPower().value()).isLessThan(-1000);
  }

  @Test
  void everyReadGetsThroughThirtyPercentPacketLoss() throws Exception {
    MarstekBattery battery = battery(1, SimulatorOptions.defaults());
    devices.getFirst().faults().lossRate(0.3);

    int answered = 0;
    for (int i = 0; i < 15; i++) {
      battery.readStatus();
      answered++;
    }

    assertThat(answered).isEqualTo(15);
    assertThat(devices.getFirst().requestsReceived()).isGreaterThan(15 * 3);
  }

  @Test
  void aBatteryThatStopsAnsweringIsUnreachableWithAReasonWhileAnotherKeepsAnswering()
      throws Exception {
    MarstekBattery silent = battery(1, SimulatorOptions.defaults());
    MarstekBattery healthy = battery(2, SimulatorOptions.defaults());
    silent.readStatus();
    devices.getFirst().faults().apiDisabled(true);

    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var failing =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  silent.readStatus();
                  return "answered";
                } catch (BatteryUnreachable e) {
                  return e.getMessage();
                }
              },
              pool);
      int healthyReads = 0;
      while (!failing.isDone()) {
        healthy.readStatus();
        healthyReads++;
      }

      assertThat(failing.get()).contains("no reply");
      assertThat(healthyReads).isGreaterThan(1);
    }
    assertThatThrownBy(silent::readStatus).isInstanceOf(BatteryUnreachable.class);
  }
}
