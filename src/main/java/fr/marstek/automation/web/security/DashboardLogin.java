package fr.marstek.automation.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The mark a dashboard session carries once its user gave the API token: it lets that browser read
 * the API when reads need the token; writes to the API still need the bearer token.
 */
public final class DashboardLogin {

  /** The session attribute set to {@code Boolean.TRUE} at login. */
  public static final String SESSION_ATTRIBUTE = "dashboard.loggedIn";

  private DashboardLogin() {}

  /** True when the request belongs to a session that logged in with the API token. */
  public static boolean isLoggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
  }
}
