package fr.marstek.automation.web.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC without bean validation: no request body or form of this service is checked by
 * annotations (control checks every command itself, the settings their own rules), and the default
 * validator would start Hibernate Validator at start, some 440 classes and their caches kept for
 * nothing (docs/BENCHMARKS.md, memory). An {@code @Valid} added later would do nothing: remove this
 * class then.
 */
@Configuration(proxyBeanMethods = false)
class NoBeanValidation implements WebMvcConfigurer {

  @Override
  public Validator getValidator() {
    return new Validator() {
      @Override
      public boolean supports(Class<?> type) {
        return false;
      }

      @Override
      public void validate(Object target, Errors errors) {
        // supports nothing: never called
      }
    };
  }
}
