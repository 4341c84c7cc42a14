package fr.marstek.automation.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing API request without the right bearer token (and, when asked, reads too)
 * with a 401 problem detail.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String BEARER = "Bearer ";

  private final ApiToken token;
  private final boolean readsNeedToken;
  private final LoginAttempts attempts;

  ApiTokenFilter(ApiToken token, boolean readsNeedToken, LoginAttempts attempts) {
    this.token = token;
    this.readsNeedToken = readsNeedToken;
    this.attempts = attempts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!needsToken(request) || isDashboardRead(request)) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(BEARER)) {
      refuse(
          response,
          "This request changes state: send the API token as 'Authorization: Bearer"
              + " <API_TOKEN>'.");
      return;
    }
    String address = request.getRemoteAddr();
    var wait = attempts.waitFor(address);
    if (wait.isPresent()) {
      tooMany(response, wait.get());
      return;
    }
    if (!token.matches(header.substring(BEARER.length()).trim())) {
      attempts.failed(address);
      refuse(
          response,
          "The API token is wrong: use the value of API_TOKEN, or the generated one"
              + " in the token file named in the service's log.");
      return;
    }
    attempts.succeeded(address);
    chain.doFilter(request, response);
  }

  /** A read from a browser whose dashboard session gave the token (the cookie is SameSite). */
  private static boolean isDashboardRead(HttpServletRequest request) {
    return READS.contains(request.getMethod()) && DashboardLogin.isLoggedIn(request);
  }

  private boolean needsToken(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      return false;
    }
    return readsNeedToken || !READS.contains(request.getMethod());
  }

  private static void tooMany(HttpServletResponse response, java.time.Duration wait)
      throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(wait.toSeconds() + 1));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many wrong tokens from this address: try again in "
                + (wait.toMinutes() + 1)
                + " minutes.\"}");
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'")
                + "\"}");
  }
}
