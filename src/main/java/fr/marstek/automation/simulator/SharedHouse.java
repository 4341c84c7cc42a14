package fr.marstek.automation.simulator;

import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One house behind one meter with several batteries plugged in: each battery's meter reads the
 * house load plus what every battery draws, minus what they give. A battery's load is the house
 * plus the other batteries' draw as last seen (each battery is integrated on its own), which is
 * also what a battery in Auto tries to cover, as a real one regulating on the shared meter does.
 */
public final class SharedHouse {

  private final Map<Integer, Double> acByMember = new ConcurrentHashMap<>();
  private volatile HouseholdLoad load;

  public SharedHouse(HouseholdLoad load) {
    this.load = load;
  }

  /** The load to give battery {@code member} (any distinct number per battery). */
  public HouseholdLoad member(int member) {
    return new HouseholdLoad.Shared(this, member);
  }

  /** The house's own load changes, e.g. the water heater switched on with the off-peak signal. */
  public void changeLoad(HouseholdLoad next) {
    load = next;
  }

  public Watts houseLoad(Instant t) {
    return load.at(t);
  }

  /** What the meter reads from each battery's power as last read: positive = import. */
  public Watts meterPower(Instant t) {
    double batteries = 0;
    for (double ac : acByMember.values()) {
      batteries += ac;
    }
    return Watts.of(load.at(t).value() - batteries);
  }

  double loadSeenBy(int member, Instant t) {
    double others = 0;
    for (var e : acByMember.entrySet()) {
      if (e.getKey() != member) {
        others += e.getValue();
      }
    }
    return Math.max(0, load.at(t).value() - others);
  }

  void report(int member, double acPowerW) {
    acByMember.put(member, acPowerW);
  }
}
