package fr.marstek.automation.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser protections on every answer, the API's and /docs' included: no content sniffing, no
 * framing by another site, no full URL in the Referer sent elsewhere. The dashboard's pages then
 * replace the policy below with their own, stricter one (scripts from this origin only).
 */
final class SecurityHeaders extends OncePerRequestFilter {

  /** Only framing is restricted here: /docs (Swagger UI) brings its own scripts and styles. */
  static final String DEFAULT_POLICY = "frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", DEFAULT_POLICY);
    chain.doFilter(request, response);
  }
}
