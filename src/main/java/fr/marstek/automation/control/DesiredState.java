package fr.marstek.automation.control;

/** The intent for one battery now, with its cause and a reason a person understands. */
public record DesiredState(Intent intent, Cause cause, String reason) {

  public DesiredState {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a desired state always says why");
    }
  }
}
