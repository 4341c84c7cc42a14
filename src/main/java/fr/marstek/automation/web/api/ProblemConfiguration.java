package fr.marstek.automation.web.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Every refusal is a problem detail, and a blank time is a mistake, not an absent one. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

  /**
   * {@code "until":""} (or a string of control characters, which the time reader trims away) would
   * otherwise read as no end at all and start an override the sender did not describe.
   */
  @Bean
  JsonMapperBuilderCustomizer blankTimesAreRefused() {
    return builder ->
        builder.withCoercionConfig(
            LogicalType.DateTime,
            config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
  }

  /** A number, a flag or a text is taken only as itself (UnreadableBodies says what was wrong). */
  @Bean
  JsonMapperBuilderCustomizer noConversions() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Integer,
                config -> {
                  config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                })
            .withCoercionConfig(
                LogicalType.Float,
                config -> {
                  config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                })
            .withCoercionConfig(
                LogicalType.Boolean,
                config -> {
                  config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                })
            .withCoercionConfig(
                LogicalType.Textual,
                config -> {
                  config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
  }

  @Bean
  TomcatProblemReports tomcatProblemReports() {
    return new TomcatProblemReports();
  }

  /** Runs after Spring Boot's own Tomcat settings, so its error valve is there to replace. */
  static final class TomcatProblemReports
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
              return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve());
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
