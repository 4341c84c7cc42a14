package fr.marstek.automation.simulator;

import fr.marstek.automation.units.Watts;
import java.time.Instant;

/** What the house behind the battery's meter consumes at an instant (no PV: Venus E has none). */
public sealed interface HouseholdLoad {

  Watts at(Instant instant);

  /** The same power all the time, for tests. */
  static HouseholdLoad constant(Watts power) {
    return new Constant(power);
  }

  /** The real 2009 hourly profile of a house near Paris (UCI dataset 235, CC BY 4.0). */
  static HouseholdLoad realProfile() {
    return new Profile(1.0);
  }

  /** The real profile times {@code scale}, e.g. one battery's share of a house. */
  static HouseholdLoad realProfile(double scale) {
    return new Profile(scale);
  }

  /** A constant load. */
  record Constant(Watts power) implements HouseholdLoad {
    public Constant {
      if (power.value() < 0) {
        throw new IllegalArgumentException("household load cannot be negative: " + power);
      }
    }

    @Override
    public Watts at(Instant instant) {
      return power;
    }
  }

  /** One battery's view of a {@link SharedHouse}: the house plus the other batteries' draw. */
  record Shared(SharedHouse house, int member) implements HouseholdLoad {
    @Override
    public Watts at(Instant instant) {
      return Watts.of(house.loadSeenBy(member, instant));
    }
  }

  /** The real hourly profile, scaled. */
  record Profile(double scale) implements HouseholdLoad {
    public Profile {
      if (!(scale > 0 && scale <= 100)) {
        throw new IllegalArgumentException("load scale must be in (0, 100]: " + scale);
      }
    }

    @Override
    public Watts at(Instant instant) {
      return Watts.of(LoadProfile2009.wattsAt(instant) * scale);
    }
  }
}
