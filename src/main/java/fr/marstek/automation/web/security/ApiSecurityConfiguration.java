package fr.marstek.automation.web.security;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the API token check in front of every {@code /api/} route. */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  @Bean
  ApiToken apiToken(VariableSource source) {
    Variables variables = source.variables();
    var configured = variables.text("API_TOKEN");
    configured
        .filter(t -> t.length() < ApiToken.SHORTEST)
        .ifPresent(t -> variables.problem("API_TOKEN", t, "at least 16 characters"));
    variables.check();
    Path file = Path.of(variables.text("API_TOKEN_FILE").orElse("marstek-automation.token"));
    return ApiTokenStore.load(configured, file, new SecureRandom());
  }

  @Bean
  ReadAccess readAccess(VariableSource source) {
    Variables variables = source.variables();
    boolean readsNeedToken = variables.flag("API_READS_REQUIRE_TOKEN", false);
    variables.check();
    return new ReadAccess(readsNeedToken);
  }

  @Bean
  FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiToken token, ReadAccess reads) {
    var registration =
        new FilterRegistrationBean<>(new ApiTokenFilter(token, reads.tokenRequired()));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    return registration;
  }
}
