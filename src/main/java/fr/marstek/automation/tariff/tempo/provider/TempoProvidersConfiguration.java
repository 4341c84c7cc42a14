package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.config.SettingsRule;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.ColourCache;
import fr.marstek.automation.tariff.tempo.TempoColourProvider;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.ObjectMapper;

/** Wires the providers in {@code TEMPO_PROVIDERS} order, the colour service and its poller. */
@Configuration(proxyBeanMethods = false)
class TempoProvidersConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TempoProvidersConfiguration.class);
  private static final java.util.regex.Pattern BATTERY_IP =
      java.util.regex.Pattern.compile("BATTERY_(\\d+)_IP");

  @Bean
  TempoSettings tempoSettings(VariableSource source) {
    Variables variables = source.variables();
    TempoSettings settings = TempoSettings.from(variables);
    variables.check();
    return settings;
  }

  /** The same check for a change made on the Settings page (applied at the next restart). */
  @Bean
  SettingsRule tempoSettingsRule() {
    return TempoSettings::from;
  }

  @Bean
  TempoHttp tempoHttp(TempoSettings settings) {
    return new TempoHttp(settings.timeout());
  }

  /** The prices in force: tempo.md's grids merged with those of {@code TEMPO_PRICES}. */
  @Bean
  @ConditionalOnMissingBean
  TempoPrices tempoPrices(VariableSource source) {
    TempoPrices prices = source.read(TempoPrices::from);
    log.info(
        "Tempo prices: grids from {}",
        prices.grids().stream().map(g -> g.validFrom().toString()).toList());
    return prices;
  }

  /** Tempo as the service's {@link Tariff}: the colours known now and the prices in force. */
  @Bean
  Tariff tariff(TempoColours colours, TempoPrices prices) {
    return new TempoTariff(colours, prices);
  }

  @Bean
  TempoColours tempoColours(
      TempoSettings settings,
      TempoHttp http,
      ObjectMapper json,
      ObjectProvider<ColourCache> caches,
      InstantSource clock,
      VariableSource source) {
    if (settings.enabled() && simulated(source.variables())) {
      log.info(
          "Tempo colours simulated for the demo (today white, tomorrow red): no battery and no"
              + " TEMPO_PROVIDERS configured");
      // kept in memory only: a simulated colour must never reach the history's colour cache
      return new TempoColours(
          List.of(new DemoTempoProvider()), new InMemoryColourCache(), clock, true);
    }
    ColourCache cache = caches.getIfAvailable(InMemoryColourCache::new);
    List<TempoColourProvider> providers =
        settings.enabled() ? providers(settings, http, json, clock) : List.of();
    if (settings.enabled()) {
      log.info("Tempo colours from {}", providers.stream().map(p -> p.name()).toList());
    }
    return new TempoColours(providers, cache, clock, settings.enabled());
  }

  static List<TempoColourProvider> providers(
      TempoSettings settings, TempoHttp http, ObjectMapper json, InstantSource clock) {
    List<TempoColourProvider> providers = new ArrayList<>();
    for (String name : settings.providers()) {
      switch (name) {
        case TempoSettings.RTE ->
            settings
                .rteCredentials()
                .ifPresentOrElse(
                    c ->
                        providers.add(
                            new RteOfficialProvider(
                                http,
                                json,
                                new RteToken(http, json, settings.rteTokenUrl(), c, clock),
                                settings.rteApiUrl())),
                    () -> log.info("Tempo provider rte skipped: RTE_CLIENT_ID is not set"));
        case TempoSettings.RTE_PUBLIC ->
            providers.add(new RtePublicProvider(http, json, settings.rtePublicUrl()));
        case TempoSettings.COULEUR_TEMPO ->
            providers.add(new CouleurTempoProvider(http, json, settings.couleurApiUrl()));
        default -> throw new IllegalStateException("unchecked provider name " + name);
      }
    }
    return providers;
  }

  /**
   * The demo: no {@code BATTERY_X_IP} (the device module's rule, repeated here because the tariff
   * does not depend on devices) and no {@code TEMPO_PROVIDERS} named.
   */
  static boolean simulated(Variables variables) {
    boolean anyBattery =
        variables.matching(BATTERY_IP).keySet().stream()
            .anyMatch(name -> variables.text(name).isPresent());
    return !anyBattery && variables.text("TEMPO_PROVIDERS").isEmpty();
  }

  @Bean
  TempoPolling tempoPolling(TempoColours colours, InstantSource clock, TaskScheduler scheduler) {
    return new TempoPolling(
        colours, PollPlan.standard(), clock, scheduler, RandomGenerator.getDefault());
  }

  @Bean
  MeterBinder tempoProviderMetrics(TempoColours colours) {
    return registry -> {
      for (String name : colours.providerNames()) {
        Gauge.builder("marstek.tempo.provider.failures", colours, c -> failuresOf(c, name))
            .description("Failed calls in a row to a Tempo colour provider (0 = healthy)")
            .tag("provider", name)
            .register(registry);
      }
    };
  }

  private static double failuresOf(TempoColours colours, String name) {
    return colours.health().stream()
        .filter(h -> h.name().equals(name))
        .mapToInt(h -> h.failuresInARow())
        .findFirst()
        .orElse(0);
  }
}
