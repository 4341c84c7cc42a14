package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MarstekClientConfigurationTest {

  private static ApplicationContextRunner runner(Map<String, String> values) {
    return new ApplicationContextRunner()
        .withUserConfiguration(MarstekClientConfiguration.class)
        .withBean(VariableSource.class, () -> () -> new Variables(values));
  }

  @Test
  void providesTheBatteriesAndAStartedTransport() {
    runner(Map.of("BATTERY_1_IP", "127.0.0.1", "MARSTEK_LOCAL_PORT_POLICY", "ephemeral"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Batteries.class).all()).hasSize(1);
              assertThat(context.getBean(MarstekTransport.class).isRunning()).isTrue();
            });
  }

  @Test
  void refusesToStartWithABadClientVariable() {
    runner(Map.of("MARSTEK_READ_TIMEOUT_MS", "soon"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidConfiguration.class)
                    .hasMessage("MARSTEK_READ_TIMEOUT_MS=soon: expected milliseconds 50-60000"));
  }
}
