package fr.marstek.automation.web.dashboard;

/**
 * What every dashboard page shows around its content.
 *
 * @param path the page's own path, to mark it in the menu and build language links
 * @param csrf the session's form token, empty when not logged in
 * @param notice a message about the last action that worked, or empty
 * @param problem a message about the last action that failed, or empty
 * @param simulatedTempo the demo's Tempo colours are simulated (no provider named)
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
    boolean simulatedTempo) {

  /** The same frame with another problem message (a form shown again after a refusal). */
  public Page withProblem(String message) {
    return new Page(t, path, demo, paused, loggedIn, csrf, notice, message, simulatedTempo);
  }

  /** The current path with another language. */
  public String langLink(String lang) {
    return path + "?lang=" + lang;
  }
}
