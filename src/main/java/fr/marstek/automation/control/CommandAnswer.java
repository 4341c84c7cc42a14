package fr.marstek.automation.control;

import java.util.Optional;

/** Control's one answer to a {@link ControlCommand}, which each adapter renders its own way. */
public sealed interface CommandAnswer {

  /** English, for the API's problem details, MQTT results and logs. */
  String detail();

  /**
   * Done.
   *
   * @param override the override now in force, for a {@link ControlCommand.Force}
   * @param changed false when there was nothing to do (no override to clear)
   */
  record Accepted(String detail, Optional<ModeOverride> override, boolean changed)
      implements CommandAnswer {}

  /** Not done, and nothing changed. */
  record Refused(Refusal why, String detail) implements CommandAnswer {}

  /** Why a command was refused; adapters map it to a status code or a message key. */
  enum Refusal {
    /** No such battery. */
    UNKNOWN_BATTERY,
    /** The command itself is wrong: a person can fix it. */
    INVALID,
    /** The battery does not answer: it could not obey. */
    OFFLINE,
    /** The safety rules would hold the command for as long as it lasts. */
    SAFETY
  }
}
