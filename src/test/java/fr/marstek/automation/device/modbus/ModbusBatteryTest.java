package fr.marstek.automation.device.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusEndpoint;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Modbus client tells the household when the battery is not what it expects. */
class ModbusBatteryTest {

  private final MutableClock clock = MutableClock.atParis("2026-12-01T22:00:00");
  private final SimulatorOptions venus =
      SimulatorOptions.defaults()
          .withInitialSoc(Percent.of(40))
          .withLoad(HouseholdLoad.constant(Watts.of(300)));
  private TcpBatteries fleet;

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void anotherProgramHoldingTheOnlySlotIsNamedInTheReason() throws Exception {
    fleet = TcpBatteries.start(TcpBatteries.noPacing(), clock, ModbusProfile.V3, venus);
    var other =
        ModbusTcpClient.create(
            NettyTcpClientTransport.create(
                cfg -> {
                  cfg.setHostname("127.0.0.1");
                  cfg.setPort(fleet.device(1).address().getPort());
                  cfg.setConnectPersistent(false);
                }));
    other.connect();
    try {
      assertThatThrownBy(() -> fleet.battery(1).readStatus())
          .isInstanceOf(BatteryUnreachable.class)
          .hasMessageContaining("one client at a time");
    } finally {
      other.disconnect();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreException(BatteryUnreachable.class)
        .until(() -> fleet.battery(1).readStatus().mode() == DeviceMode.AUTO);
  }

  @Test
  void aV3ProfileAgainstAVenusE2SaysWhichSettingToCheck() {
    fleet = TcpBatteries.start(TcpBatteries.noPacing(), clock, ModbusProfile.V2, venus);
    var wrongProfile =
        fleet
            .client()
            .open(
                new ModbusEndpoint(
                    BatteryId.of(7), fleet.device(1).address(), 1, ModbusProfile.V3));

    assertThatThrownBy(wrongProfile::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessageContaining("BATTERY_7_MODBUS_PROFILE");
  }

  @Test
  void aWrongUnitIdGetsNoAnswerAndTheReasonSaysWhichSettingToCheck() {
    fleet = TcpBatteries.start(TcpBatteries.noPacing(), clock, ModbusProfile.V3, venus);
    var wrongUnit =
        fleet
            .client()
            .open(
                new ModbusEndpoint(
                    BatteryId.of(8), fleet.device(1).address(), 2, ModbusProfile.V3));

    assertThatThrownBy(wrongUnit::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessageContaining("BATTERY_8_MODBUS_UNIT");
  }

  /**
   * The keeper ticking every 20 ms (quiet for 2 min after a command), each reply awaited up to
   * {@code reply}.
   */
  private static ModbusClientSettings keeperSettings(Duration reply) {
    return new ModbusClientSettings(
        Optional.of(ModbusPacing.none(reply)),
        Duration.ofMinutes(5),
        Duration.ofMillis(20),
        Duration.ofMinutes(2));
  }

  @Test
  void theKeeperRunsOnItsOwnTimerWhileTheControlCycleIsSilent() throws Exception {
    var settings = keeperSettings(Duration.ofSeconds(2));
    fleet = TcpBatteries.start(settings, clock, ModbusProfile.V3, venus);
    var everyDay = EnumSet.allOf(DayOfWeek.class);
    fleet
        .battery(1)
        .apply(
            new ModeCommand.Manual(
                new ManualSlot(
                    0, LocalTime.of(22, 0), LocalTime.of(23, 0), everyDay, Watts.of(-2000), true)));
    assertThat(fleet.simulated(1).acPower().value()).isEqualTo(-2000);
    fleet.client().start();

    clock.setParis("2026-12-01T23:00:01");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fleet.simulated(1).externalControl().forceMode() == 0);
    assertThat(fleet.simulated(1).externalControl().on()).isTrue();
    assertThat(fleet.simulated(1).acPower().value()).isZero();
  }

  /**
   * An unchecked exception in one keeper pass (here the clock, once, on the keeper's thread) must
   * not end the scheduled task: the next pass still ends the slot.
   */
  @Test
  void anUnexpectedFailureOfOneKeeperPassDoesNotStopTheKeeper() throws Exception {
    // a reply's wait, not measured here: long enough for a loaded machine
    var settings = keeperSettings(Duration.ofSeconds(10));
    var failNextKeeperPass = new AtomicBoolean(true);
    LinkClock advancing = TcpBatteries.advancing(clock);
    var failingOnce =
        new LinkClock() {
          @Override
          public Instant now() {
            if (Thread.currentThread().getName().equals("modbus-keeper")
                && failNextKeeperPass.getAndSet(false)) {
              throw new IllegalStateException("test: one keeper pass fails");
            }
            return advancing.now();
          }

          @Override
          public void sleepUntil(Instant moment) throws InterruptedException {
            advancing.sleepUntil(moment);
          }
        };
    fleet = TcpBatteries.start(settings, clock, failingOnce, ModbusProfile.V3, List.of(venus));
    var everyDay = EnumSet.allOf(DayOfWeek.class);
    fleet
        .battery(1)
        .apply(
            new ModeCommand.Manual(
                new ManualSlot(
                    0, LocalTime.of(22, 0), LocalTime.of(23, 0), everyDay, Watts.of(-2000), true)));
    fleet.client().start();
    await().atMost(Duration.ofSeconds(5)).until(() -> !failNextKeeperPass.get());

    clock.setParis("2026-12-01T23:00:01");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fleet.simulated(1).externalControl().forceMode() == 0);
    assertThat(fleet.simulated(1).acPower().value()).isZero();
  }
}
