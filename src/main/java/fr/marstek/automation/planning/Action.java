package fr.marstek.automation.planning;

import fr.marstek.automation.units.Watts;

/** What one battery does during one slot. */
public sealed interface Action {

  /** Charge from the grid at {@code power} (AC side) until the slot's target. */
  record ChargeFromGrid(Watts power) implements Action {
    public ChargeFromGrid {
      if (power.value() <= 0) {
        throw new IllegalArgumentException("charge power must be positive: " + power);
      }
    }
  }

  /** Discharge to cover the house, never more than {@code upTo} and never exporting. */
  record CoverHouse(Watts upTo) implements Action {
    public CoverHouse {
      if (upTo.value() <= 0) {
        throw new IllegalArgumentException("discharge limit must be positive: " + upTo);
      }
    }
  }

  /** Neither charge nor discharge. */
  record Hold() implements Action {}
}
