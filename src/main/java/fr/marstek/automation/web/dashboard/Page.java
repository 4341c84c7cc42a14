package fr.marstek.automation.web.dashboard;

import java.util.List;

/**
 * What every dashboard page shows around its content.
 *
 * @param path the page's own path, to mark it in the menu and build language links
 * @param csrf the session's form token, empty when not logged in
 * @param notice a message about the last action that worked, or empty
 * @param problem a message about the last action that failed, or empty
 * @param simulatedTempo the demo's Tempo colours are simulated (no provider named)
 * @param portHints batteries found on another port than configured, each with the {@code .env} line
 *     to set, in the page's language
 */
public record Page(
    Texts t,
    String path,
    boolean demo,
    boolean paused,
    boolean loggedIn,
    String csrf,
    String notice,
    String problem,
    boolean simulatedTempo,
    List<String> portHints) {

  public Page {
    portHints = List.copyOf(portHints);
  }

  /** The same frame with another problem message (a form shown again after a refusal). */
  public Page withProblem(String message) {
    return new Page(
        t, path, demo, paused, loggedIn, csrf, notice, message, simulatedTempo, portHints);
  }

  /** The current path with another language. */
  public String langLink(String lang) {
    return path + "?lang=" + lang;
  }
}
