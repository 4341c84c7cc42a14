package fr.marstek.automation.control;

import fr.marstek.automation.units.Phrase;

/**
 * The intent for one battery now, with its cause and a reason a person understands (a phrase of the
 * message catalogue, written in the reader's language).
 */
public record DesiredState(Intent intent, Cause cause, Phrase reason) {

  public DesiredState {
    if (reason == null) {
      throw new IllegalArgumentException("a desired state always says why");
    }
  }
}
