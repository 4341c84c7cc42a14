package fr.marstek.automation.web.dashboard;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French or English: the language just chosen, else the {@code lang} cookie, else French for a
 * browser whose first language is French and English for any other.
 */
final class DashboardLocales implements LocaleResolver {

  static final String COOKIE = "lang";
  private static final String CHOSEN = DashboardLocales.class.getName() + ".chosen";

  static Optional<Locale> supported(String lang) {
    if (lang == null) {
      return Optional.empty();
    }
    return switch (lang.trim().toLowerCase(Locale.ROOT)) {
      case "fr" -> Optional.of(Locale.FRENCH);
      case "en" -> Optional.of(Locale.ENGLISH);
      default -> Optional.empty();
    };
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
      return chosen;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        Optional<Locale> locale =
            COOKIE.equals(c.getName()) ? supported(c.getValue()) : Optional.empty();
        if (locale.isPresent()) {
          return locale.get();
        }
      }
    }
    String header = request.getHeader("Accept-Language");
    boolean french = header != null && request.getLocale().getLanguage().equals("fr");
    return french ? Locale.FRENCH : Locale.ENGLISH;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Locale chosen =
        locale != null && locale.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
    request.setAttribute(CHOSEN, chosen);
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, chosen.getLanguage())
            .path("/")
            .maxAge(Duration.ofDays(365))
            .sameSite("Lax")
            .httpOnly(true)
            .build();
    response.addHeader("Set-Cookie", cookie.toString());
  }
}
