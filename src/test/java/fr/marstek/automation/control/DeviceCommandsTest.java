package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceCommandsTest {

  private static final OperatingSchedule SEED = OperatingSchedule.ofHours(6, 22);
  private static final Instant NOW = Instant.parse("2026-12-01T21:00:00Z");

  @Test
  void selfConsumptionIsTheDevicesAutoMode() {
    assertThat(DeviceCommands.forIntent(new SelfConsumption(), SEED, NOW))
        .containsExactly(new ModeCommand.Auto());
  }

  @Test
  void nightChargingIsTwoDeviceSlotsThatEndByThemselvesAtSix() {
    var commands =
        DeviceCommands.forIntent(new GridCharge(Watts.of(2000), Percent.of(100)), SEED, NOW);

    assertThat(commands).hasSize(2);
    var evening = ((ModeCommand.Manual) commands.get(0)).slot();
    var morning = ((ModeCommand.Manual) commands.get(1)).slot();
    assertThat(evening.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(evening.end()).isEqualTo(LocalTime.of(23, 59));
    assertThat(morning.start()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(morning.end()).isEqualTo(LocalTime.of(6, 0));
    assertThat(evening.power()).isEqualTo(Watts.of(-2000));
    assertThat(evening.weekSet()).isEqualTo(127);
    assertThat(evening.enabled() && morning.enabled()).isTrue();
  }

  @Test
  void chargingAskedInTheDayStartsNowAndStillEndsAtSix() {
    var twoPm = Instant.parse("2026-12-01T13:00:30Z");

    var commands =
        DeviceCommands.forIntent(new GridCharge(Watts.of(2000), Percent.of(100)), SEED, twoPm);

    var evening = ((ModeCommand.Manual) commands.get(0)).slot();
    var morning = ((ModeCommand.Manual) commands.get(1)).slot();
    assertThat(evening.start()).isEqualTo(LocalTime.of(14, 0));
    assertThat(evening.end()).isEqualTo(LocalTime.of(23, 59));
    assertThat(morning.start()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(morning.end()).isEqualTo(LocalTime.of(6, 0));
    assertThat(evening.power()).isEqualTo(Watts.of(-2000));
  }

  @Test
  void idleDisablesTheSlotsThisServiceOwns() {
    var commands = DeviceCommands.forIntent(new Idle(), SEED, NOW);

    assertThat(commands)
        .allSatisfy(c -> assertThat(((ModeCommand.Manual) c).slot().enabled()).isFalse());
  }

  @Test
  void aNightThatDoesNotCrossMidnightIsOneSlot() {
    var early = OperatingSchedule.ofHours(7, 1);

    var threeAm = Instant.parse("2026-12-02T02:00:00Z");

    var commands =
        DeviceCommands.forIntent(new GridCharge(Watts.of(1000), Percent.of(90)), early, threeAm);

    var first = ((ModeCommand.Manual) commands.get(0)).slot();
    assertThat(first.start()).isEqualTo(LocalTime.of(1, 0));
    assertThat(first.end()).isEqualTo(LocalTime.of(7, 0));
    assertThat(((ModeCommand.Manual) commands.get(1)).slot().enabled()).isFalse();
  }

  @Test
  void aFixedSetpointIsLeasedForAtMostFifteenMinutes() {
    var longOne = new FixedPower(Watts.of(-800), NOW.plus(Duration.ofHours(3)));
    var shortOne = new FixedPower(Watts.of(500), NOW.plus(Duration.ofSeconds(90)));

    var leased = (ModeCommand.Passive) DeviceCommands.forIntent(longOne, SEED, NOW).get(0);
    var exact = (ModeCommand.Passive) DeviceCommands.forIntent(shortOne, SEED, NOW).get(0);

    assertThat(leased.countdown()).isEqualTo(Duration.ofMinutes(15));
    assertThat(leased.power()).isEqualTo(Watts.of(-800));
    assertThat(exact.countdown()).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest(name = "day {0}:00-{1}:00, at {2} Paris")
  @CsvSource({
    "0, 22, 2026-12-01T22:30:00", // AUTO_MODE_START_HOUR=0: the night ends at midnight
    "6, 0, 2026-12-02T02:00:00", // AUTO_MODE_END_HOUR=0: the night starts at midnight
    "6, 22, 2026-12-01T23:59:30", // an override charging from 23:59
    "6, 0, 2026-12-01T23:59:10", // an override in a day that ends at midnight: from 23:59
    "6, 22, 2026-12-01T06:00:10" // charging asked at the day's first minute: 24 hours
  })
  void noEnabledSlotIsEmptyOrCouldBeReadAsAllDay(int start, int end, String paris) {
    var schedule = OperatingSchedule.ofHours(start, end);
    var at = java.time.ZonedDateTime.of(java.time.LocalDateTime.parse(paris), PARIS);

    var commands =
        DeviceCommands.forIntent(
            new GridCharge(Watts.of(2500), Percent.of(100)), schedule, at.toInstant());

    assertThat(commands)
        .extracting(c -> ((ModeCommand.Manual) c).slot())
        .filteredOn(ModeCommand.ManualSlot::enabled)
        .isNotEmpty()
        .allSatisfy(slot -> assertThat(slot.end()).isAfter(slot.start()));
  }

  @Test
  void aNightEndingAtMidnightIsTheEveningSlotAloneWithTheMorningOneDisabled() {
    var schedule = OperatingSchedule.ofHours(0, 22);

    var commands =
        DeviceCommands.forIntent(new GridCharge(Watts.of(2500), Percent.of(100)), schedule, NOW);

    var evening = ((ModeCommand.Manual) commands.get(0)).slot();
    var morning = ((ModeCommand.Manual) commands.get(1)).slot();
    assertThat(evening.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(evening.end()).isEqualTo(LocalTime.of(23, 59));
    assertThat(evening.enabled()).isTrue();
    assertThat(morning.enabled()).isFalse();
    assertThat(morning.power()).isEqualTo(Watts.ZERO);
  }
}
