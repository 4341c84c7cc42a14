package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole simulated night, one control cycle every 30 s of clock time, over real UDP. */
class FullNightOverUdpTest {

  private record Sample(LocalDateTime paris, DeviceMode mode, double acPower, double soc) {}

  @Test
  void chargesFromTenFillsUpIdlesAndGoesBackToSelfConsumptionAtSix() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = UdpControl.at("2026-12-01T21:00:00", options)) {
      List<Sample> samples = new ArrayList<>();

      control.cycleEvery(
          Duration.ofSeconds(30),
          "2026-12-02T06:30:00",
          () ->
              samples.add(
                  new Sample(
                      control.parisNow(),
                      control.battery(1).mode(),
                      control.battery(1).acPower().value(),
                      control.battery(1).soc().value())));

      var ten = LocalDateTime.parse("2026-12-01T22:00");
      var six = LocalDateTime.parse("2026-12-02T06:00");
      assertThat(samples).hasSize(19 * 60);
      assertThat(samples.stream().filter(s -> s.paris().isBefore(ten)))
          .allSatisfy(
              s -> {
                assertThat(s.mode()).isEqualTo(DeviceMode.AUTO);
                assertThat(s.acPower()).isPositive();
              });
      Sample full =
          samples.stream()
              .filter(s -> !s.paris().isBefore(ten) && s.soc() >= 100)
              .findFirst()
              .orElseThrow();
      assertThat(full.paris()).isBefore(six);
      assertThat(
              samples.stream()
                  .filter(s -> !s.paris().isBefore(ten) && s.paris().isBefore(full.paris())))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.mode()).isEqualTo(DeviceMode.MANUAL);
                assertThat(s.acPower()).isLessThan(-2000);
              });
      assertThat(
              samples.stream()
                  .filter(s -> s.paris().isAfter(full.paris()) && s.paris().isBefore(six)))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.mode()).isEqualTo(DeviceMode.MANUAL);
                assertThat(Math.abs(s.acPower())).isLessThan(Conformity.STILL_WATTS);
                assertThat(s.soc()).isGreaterThanOrEqualTo(98);
              });
      assertThat(samples.stream().filter(s -> !s.paris().isBefore(six)))
          .allSatisfy(s -> assertThat(s.mode()).isEqualTo(DeviceMode.AUTO));

      assertThat(control.eventsOf(ModeChanged.class))
          .extracting(m -> m.to(), m -> m.cause(), m -> m.at())
          .containsExactly(
              tuple(DeviceMode.MANUAL, Cause.SCHEDULE, atParis("2026-12-01T22:00")),
              tuple(DeviceMode.AUTO, Cause.SCHEDULE, atParis("2026-12-02T06:00")));
      assertThat(control.eventsOf(CommandSent.class))
          .allSatisfy(
              c -> {
                assertThat(c.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
                assertThat(c.cause()).isEqualTo(Cause.SCHEDULE);
              });
      // Two charge slots at 22:00 and Auto at 06:00; a full battery already idles as asked.
      assertThat(control.eventsOf(CommandSent.class)).hasSize(3);
      assertThat(control.eventsOf(DesiredStateReached.class))
          .extracting(r -> (Object) r.desired().intent().getClass())
          .containsExactly(
              Intent.SelfConsumption.class,
              Intent.GridCharge.class,
              Intent.Idle.class,
              Intent.SelfConsumption.class);
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
    }
  }

  private static Instant atParis(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }
}
