package fr.marstek.automation.web.security;

import fr.marstek.automation.config.VariableSource;
import java.security.SecureRandom;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the API token check in front of every {@code /api/} route, and in front of everything the
 * size limit and the browser security headers.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  @Bean
  ApiSettings apiSettings(VariableSource source) {
    return source.read(ApiSettings::from);
  }

  @Bean
  ApiToken apiToken(ApiSettings settings) {
    return ApiTokenStore.load(settings.token(), settings.tokenFile(), new SecureRandom());
  }

  @Bean
  ReadAccess readAccess(ApiSettings settings) {
    return new ReadAccess(settings.readsNeedToken());
  }

  @Bean
  FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(
      ApiToken token, ReadAccess reads, LoginAttempts attempts) {
    var registration =
        new FilterRegistrationBean<>(new ApiTokenFilter(token, reads.tokenRequired(), attempts));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit() {
    var registration = new FilterRegistrationBean<>(new RequestSizeLimit());
    registration.addUrlPatterns("/*");
    registration.setOrder(-2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    var registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.addUrlPatterns("/*");
    registration.setOrder(-3);
    return registration;
  }
}
