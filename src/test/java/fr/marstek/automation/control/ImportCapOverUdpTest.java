package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SharedHouse;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import cap end to end: three simulated Venus E in one house behind one meter (6 kVA, cap 5400
 * W), driven over real UDP; the meter the service reads is the simulator's.
 */
class ImportCapOverUdpTest {

  private static final ImportCapSettings SIX_KVA =
      new ImportCapSettings(java.util.OptionalInt.of(6), 5400);
  private static final Duration POLL = Duration.ofSeconds(30);

  private final SharedHouse house = new SharedHouse(HouseholdLoad.constant(Watts.of(1500)));

  @Test
  void startsTheBatteriesOneACycleAndLowersThemAtOnceWhenTheHouseLoadRises()
      throws BatteryUnreachable {
    try (UdpControl control = UdpControl.capped("2026-12-01T21:59:50", SIX_KVA, threeBatteries())) {
      control.cycle();
      control.clock.advance(Duration.ofSeconds(15)); // 22:00:05, the night starts

      List<Integer> charging = new ArrayList<>();
      List<Double> meter = new ArrayList<>();
      for (int cycle = 0; cycle < 4; cycle++) {
        control.cycle();
        charging.add(chargingCount(control));
        meter.add(meterNow(control));
        control.clock.advance(POLL);
      }

      assertThat(charging).containsExactly(1, 2, 2, 2);
      assertThat(meter).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(5400));
      assertThat(meter.getLast()).isGreaterThan(5000); // the room is used, not wasted
      assertThat(control.view(3).desired().orElseThrow().reason().key())
          .isEqualTo("reason.cap.hold");

      house.changeLoad(HouseholdLoad.constant(Watts.of(4500))); // water heater on
      double before = meterNow(control);
      int commandsBefore = control.eventsOf(CommandSent.class).size();
      control.cycle();
      double after = meterNow(control);

      assertThat(before).isGreaterThan(5400);
      assertThat(after).isLessThanOrEqualTo(5400).isGreaterThanOrEqualTo(4500);
      assertThat(control.eventsOf(CommandSent.class).size() - commandsBefore)
          .as("each changed battery gets its two night slots again, no more")
          .isLessThanOrEqualTo(2 * 2);
      assertThat(control.eventsOf(ImportCapExceeded.class)).isEmpty();

      control.clock.advance(POLL);
      int quiet = control.eventsOf(CommandSent.class).size();
      control.cycle();
      control.cycle();

      assertThat(control.eventsOf(CommandSent.class)).hasSize(quiet);
      assertThat(meterNow(control)).isLessThanOrEqualTo(5400);
    }
  }

  @Test
  void aHouseAboveTheCapByItselfHoldsEveryBatteryAndIsToldOnce() throws BatteryUnreachable {
    house.changeLoad(HouseholdLoad.constant(Watts.of(6200)));
    try (UdpControl control = UdpControl.capped("2026-12-01T22:00:05", SIX_KVA, threeBatteries())) {
      for (int cycle = 0; cycle < 4; cycle++) {
        control.cycle();
        control.clock.advance(POLL);
      }

      assertThat(chargingCount(control)).isZero();
      assertThat(control.eventsOf(ImportCapExceeded.class))
          .singleElement()
          .satisfies(e -> assertThat(e.house().value()).isBetween(6100.0, 6300.0));
      for (int n = 1; n <= 3; n++) {
        assertThat(control.battery(n).acPower().value()).isGreaterThan(-Conformity.STILL_WATTS);
      }
    }
  }

  private List<SimulatorOptions> threeBatteries() {
    List<SimulatorOptions> options = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      options.add(
          SimulatorOptions.defaults().withInitialSoc(Percent.of(20)).withLoad(house.member(n)));
    }
    return options;
  }

  /** What the house's meter reads now, from every simulated battery's present power. */
  private double meterNow(UdpControl control) {
    double meter = house.houseLoad(control.clock.instant()).value();
    for (int n = 1; n <= 3; n++) {
      meter -= control.battery(n).acPower().value();
    }
    return meter;
  }

  private static int chargingCount(UdpControl control) {
    int count = 0;
    for (int n = 1; n <= 3; n++) {
      if (control.battery(n).acPower().value() <= -Conformity.STILL_WATTS) {
        count++;
      }
    }
    return count;
  }
}
