package fr.marstek.automation.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link BatteryPort} must do, whatever speaks to the battery. Each subclass opens a
 * port to a fresh simulated Venus E (Auto, 50 %, a steady 400 W house load) at noon, Paris time.
 */
public abstract class BatteryPortContract {

  private static final Watts LOAD = Watts.of(400);

  /** Slack on a power read back: the device rounds to whole watts. */
  private static final double WATTS_SLACK = 5;

  protected final MutableClock clock = MutableClock.atParis("2026-12-01T12:00:00");
  private BatteryPort port;

  /** A port to a new simulated battery with these options, its physics on {@code clock}. */
  protected abstract BatteryPort open(SimulatorOptions options, InstantSource clock);

  /** The physics behind the port last opened. */
  protected abstract SimulatedBattery battery();

  /** From now on the battery answers nothing. */
  protected abstract void silence();

  protected abstract void closePort();

  /** Whether this protocol reads the household meter (Modbus cannot: no CT register). */
  protected boolean readsTheMeter() {
    return true;
  }

  /** Asserts that the simulated device itself does what a port reporting {@code mode} claims. */
  protected void assertTheDeviceRuns(DeviceMode mode) {
    assertThat(battery().mode()).isEqualTo(mode);
  }

  @BeforeEach
  void openPort() {
    port =
        open(
            SimulatorOptions.defaults()
                .withInitialSoc(Percent.of(50))
                .withLoad(HouseholdLoad.constant(LOAD)),
            clock);
  }

  @AfterEach
  void close() {
    closePort();
  }

  @Test
  public void identifiesTheDeviceByItsBluetoothMacModelAndFirmware() throws Exception {
    DeviceIdentity identity = port.identify();

    assertThat(identity.bleMac()).matches("[0-9a-f]{12}");
    assertThat(identity.model()).isEqualTo("VenusE 3.0");
    assertThat(identity.firmware()).isEqualTo(150);
  }

  @Test
  public void readsTheStatusInPercentWattsAndWattHoursWithTheDeviceSigns() throws Exception {
    BatteryStatus status = port.readStatus();

    assertThat(status.id()).isEqualTo(port.id());
    assertThat(status.soc()).isEqualTo(Percent.of(50));
    assertThat(status.mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(status.capacity()).isEqualTo(WattHours.of(5120));
    // In Auto the battery covers the house: it delivers power, so the AC power is positive.
    assertThat(status.isDischarging()).isTrue();
    assertThat(status.acPower().value()).isCloseTo(LOAD.value(), within(WATTS_SLACK));
    if (readsTheMeter()) {
      assertThat(status.meterPower())
          .hasValueSatisfying(m -> assertThat(m.value()).isCloseTo(0, within(WATTS_SLACK)));
    } else {
      assertThat(status.meterPower()).isEmpty();
    }
    assertThat(status.temperature())
        .hasValueSatisfying(t -> assertThat(t.value()).isBetween(0.0, 60.0));
  }

  @Test
  public void countsAnHourOfDischargeInWattHoursAndTheStateOfChargeFalls() throws Exception {
    BatteryStatus before = port.readStatus();

    clock.advance(Duration.ofHours(1));
    BatteryStatus after = port.readStatus();

    double delivered = after.dischargedTotal().value() - before.dischargedTotal().value();
    assertThat(delivered).isCloseTo(LOAD.value(), within(2.0));
    assertThat(after.chargedTotal()).isEqualTo(before.chargedTotal());
    assertThat(after.soc().value()).isBetween(40.0, 44.0);
    // The device's own reading: a whole percent on the Open API, a tenth on Modbus v3.
    assertThat(after.soc().value()).isCloseTo(battery().soc().value(), within(1.0));
  }

  static Stream<Arguments> commands() {
    var everyDay = EnumSet.allOf(DayOfWeek.class);
    LocalTime eleven = LocalTime.of(11, 0);
    LocalTime one = LocalTime.of(13, 0);
    return Stream.of(
        Arguments.of(new ModeCommand.Auto(), DeviceMode.AUTO, 400),
        Arguments.of(new ModeCommand.Ai(), DeviceMode.AI, 400),
        Arguments.of(
            new ModeCommand.Manual(new ManualSlot(0, eleven, one, everyDay, Watts.of(-1500), true)),
            DeviceMode.MANUAL,
            -1500),
        Arguments.of(
            new ModeCommand.Manual(new ManualSlot(0, eleven, one, everyDay, Watts.of(300), true)),
            DeviceMode.MANUAL,
            300),
        Arguments.of(new ModeCommand.Manual(ManualSlot.placeholder()), DeviceMode.MANUAL, 0),
        Arguments.of(
            new ModeCommand.Passive(Watts.of(-1000), Duration.ofMinutes(10)),
            DeviceMode.PASSIVE,
            -1000),
        Arguments.of(
            new ModeCommand.Passive(Watts.of(600), Duration.ofMinutes(10)),
            DeviceMode.PASSIVE,
            600));
  }

  @ParameterizedTest(name = "{0} reads back as {1} at {2} W")
  @MethodSource("commands")
  public void aCommandReadsBackAsItsModeWithThePowerSignItAskedFor(
      ModeCommand command, DeviceMode mode, int watts) throws Exception {
    port.apply(command);
    clock.advance(Duration.ofMinutes(1));

    BatteryStatus status = port.readStatus();

    assertThat(status.mode()).isEqualTo(mode);
    assertThat(status.acPower().value()).isCloseTo(watts, within(WATTS_SLACK));
    assertTheDeviceRuns(mode);
  }

  @Test
  public void refusesAPowerBeyondTheBatterysRatingAndChangesNothing() throws Exception {
    var tooStrong = new ModeCommand.Passive(Watts.of(-3000), Duration.ofMinutes(10));
    var slot =
        new ManualSlot(
            0,
            LocalTime.of(11, 0),
            LocalTime.of(13, 0),
            EnumSet.allOf(DayOfWeek.class),
            Watts.of(3000),
            true);

    assertThatThrownBy(() -> port.apply(tooStrong))
        .isInstanceOf(CommandRejected.class)
        .hasMessageContaining("3000");
    assertThatThrownBy(() -> port.apply(new ModeCommand.Manual(slot)))
        .isInstanceOf(CommandRejected.class);
    assertThat(port.readStatus().mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(battery().manualSlots()).isEmpty();
  }

  @Test
  public void aBatteryThatStopsAnsweringIsUnreachableWithAReason() throws Exception {
    port.readStatus();

    silence();

    assertThatThrownBy(port::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .message()
        .isNotBlank();
    assertThatThrownBy(() -> port.apply(new ModeCommand.Ai()))
        .isInstanceOf(BatteryUnreachable.class)
        .message()
        .isNotBlank();
    assertThat(battery().mode()).isEqualTo(DeviceMode.AUTO);
  }
}
