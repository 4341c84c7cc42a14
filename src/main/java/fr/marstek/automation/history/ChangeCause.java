package fr.marstek.automation.history;

/** Why a battery's mode changed or a command was sent. */
public enum ChangeCause {
  SCHEDULE,
  PLAN,
  OVERRIDE,
  DRIFT_CORRECTION,
  SAFETY,
  /** The battery changed mode on its own (app, vendor cloud, firmware). */
  DEVICE
}
