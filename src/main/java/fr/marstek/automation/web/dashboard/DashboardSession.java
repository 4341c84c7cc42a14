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
    session.setAttribute(LOGGED_IN, Boolean.TRUE);
    session.setAttribute(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  void logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The form token when logged in. */
  Optional<String> csrf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !Boolean.TRUE.equals(session.getAttribute(LOGGED_IN))) {
      return Optional.empty();
    }
    return Optional.ofNullable((String) session.getAttribute(CSRF));
  }

  /** Logged in and the form carries this session's token, compared in constant time. */
  boolean allows(HttpServletRequest request, String formToken) {
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
