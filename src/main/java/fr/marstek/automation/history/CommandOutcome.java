package fr.marstek.automation.history;

/** What became of a command sent to a battery. */
public enum CommandOutcome {
  /** The battery acknowledged it. */
  ACCEPTED,
  /** A later poll showed the expected mode. */
  CONFIRMED,
  /** The battery answered with an error. */
  REJECTED,
  /** No answer within the timeout. */
  UNREACHABLE
}
