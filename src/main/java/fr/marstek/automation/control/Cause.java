package fr.marstek.automation.control;

/** Why a battery should be in its desired state; stored with every mode change. */
public enum Cause {
  SCHEDULE,
  PLAN,
  OVERRIDE,
  SAFETY,
  DRIFT_CORRECTION,
  DEVICE
}
