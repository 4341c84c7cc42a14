package fr.marstek.automation.history;

import fr.marstek.automation.control.Cause;

/**
 * Why a battery's mode changed or a command was sent, as history stores it: these names are rows in
 * the database and columns in CSV exports, so they stay when control's {@link Cause} changes.
 */
public enum ChangeCause {
  SCHEDULE,
  PLAN,
  OVERRIDE,
  DRIFT_CORRECTION,
  SAFETY,
  /** The battery changed mode on its own (app, vendor cloud, firmware). */
  DEVICE;

  /** Each of control's causes, mapped on purpose: a new one does not compile until placed here. */
  static ChangeCause of(Cause cause) {
    return switch (cause) {
      case SCHEDULE -> SCHEDULE;
      case PLAN -> PLAN;
      case OVERRIDE -> OVERRIDE;
      case SAFETY -> SAFETY;
      case DRIFT_CORRECTION -> DRIFT_CORRECTION;
      case DEVICE -> DEVICE;
    };
  }
}
