package fr.marstek.automation.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The dashboard's language choice and its browser security headers. */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

  static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @Bean
  LocaleResolver localeResolver() {
    return new DashboardLocales();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new LanguageSwitch())
        .addPathPatterns("/", "/plan", "/history", "/savings", "/settings");
    registry
        .addInterceptor(new SecurityHeaders())
        .addPathPatterns(
            "/",
            "/plan",
            "/history",
            "/savings",
            "/settings",
            "/settings/**",
            "/login",
            "/logout",
            "/dashboard/**");
  }

  /** {@code ?lang=fr} or {@code ?lang=en} switches the language and remembers it in a cookie. */
  static final class LanguageSwitch implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      DashboardLocales.supported(request.getParameter("lang"))
          .ifPresent(
              locale ->
                  org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(
                          request)
                      .setLocale(request, response, locale));
      return true;
    }
  }

  static final class SecurityHeaders implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      response.setHeader("Content-Security-Policy", POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "same-origin");
      response.setHeader("Cache-Control", "no-store");
      return true;
    }
  }
}
