package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.web.security.DashboardLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A logged-in dashboard session: made only by a correct API token, it carries the token that every
 * form must send back (CSRF); the session cookie is HttpOnly and SameSite=Strict (properties).
 */
@Component
class DashboardSession {

  private static final String LOGGED_IN = DashboardLogin.SESSION_ATTRIBUTE;
  private static final String CSRF = "dashboard.csrf";

  private final SecureRandom random = new SecureRandom();

  /** Starts a fresh session, so an identifier planted before login is worth nothing. */
  void logIn(HttpServletRequest request) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    session.setAttribute(LOGGED_IN, true);
    session.setAttribute(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  void logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  private static boolean tokenInAddress(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&", -1)) {
      String name = pair.split("=", 2)[0];
      try {
        name = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // not decodable: not our parameter's name either
      }
      if ("csrf".equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The form token when logged in. */
  Optional<String> csrf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !Boolean.TRUE.equals(session.getAttribute(LOGGED_IN))) {
      return Optional.empty();
    }
    return Optional.ofNullable((String) session.getAttribute(CSRF));
  }

  /**
   * Logged in and the form body carries this session's token, compared in constant time. A token in
   * the address is refused: addresses end up in logs, history and Referer headers.
   */
  boolean allows(HttpServletRequest request, String formToken) {
    if (tokenInAddress(request)) {
      return false;
    }
    return csrf(request)
        .filter(expected -> formToken != null)
        .map(
            expected ->
                MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8),
                    formToken.getBytes(StandardCharsets.UTF_8)))
        .orElse(false);
  }
}
