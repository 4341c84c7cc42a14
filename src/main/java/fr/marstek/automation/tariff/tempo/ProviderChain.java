package fr.marstek.automation.tariff.tempo;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the providers in order until every wanted day is known, and keeps each one's health. */
final class ProviderChain {

  private static final Logger log = LoggerFactory.getLogger(ProviderChain.class);

  private final List<TempoColourProvider> providers;
  private final InstantSource clock;
  private final Map<String, ProviderHealth> health = new ConcurrentHashMap<>();

  ProviderChain(List<TempoColourProvider> providers, InstantSource clock) {
    this.providers = List.copyOf(providers);
    this.clock = clock;
    providers.forEach(p -> health.put(p.name(), ProviderHealth.untried(p.name())));
  }

  record Found(TempoColour colour, String source) {}

  /** What the chain learnt: colours by day, who answered, and one line per provider that failed. */
  record Outcome(Map<LocalDate, Found> found, List<String> failures, List<String> answered) {}

  List<String> names() {
    return providers.stream().map(TempoColourProvider::name).toList();
  }

  List<ProviderHealth> health() {
    return providers.stream().map(p -> health.get(p.name())).toList();
  }

  Outcome ask(LocalDate today, Set<LocalDate> wanted) {
    Map<LocalDate, Found> found = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    for (TempoColourProvider provider : providers) {
      if (found.keySet().containsAll(wanted)) {
        break;
      }
      Optional<Instant> paused = health.get(provider.name()).pausedUntil();
      Instant now = clock.instant();
      if (paused.isPresent() && now.isBefore(paused.get())) {
        failures.add(provider.name() + ": asked to wait until " + paused.get());
        continue;
      }
      try {
        TodayAndTomorrow answer = provider.colours(today);
        answered.add(provider.name());
        health.computeIfPresent(provider.name(), (n, h) -> h.succeeded(clock.instant()));
        for (LocalDate day : wanted) {
          TempoColour colour = answer.colourOf(day);
          if (colour.isKnown()) {
            found.putIfAbsent(day, new Found(colour, provider.name()));
          }
        }
      } catch (ProviderFailure e) {
        failed(provider, e.getMessage(), e.retryAfter().map(now::plus), failures);
      } catch (RuntimeException e) {
        failed(provider, "unexpected answer: " + e, Optional.empty(), failures);
      }
    }
    return new Outcome(found, failures, answered);
  }

  private void failed(
      TempoColourProvider provider, String reason, Optional<Instant> pause, List<String> out) {
    ProviderHealth after =
        health.computeIfPresent(
            provider.name(), (n, h) -> h.failed(clock.instant(), reason, pause));
    out.add(provider.name() + ": " + reason);
    if (after != null && after.failuresInARow() == 1) {
      log.info("Tempo provider {} failed, trying the next one: {}", provider.name(), reason);
    } else {
      log.debug("Tempo provider {} failed again: {}", provider.name(), reason);
    }
  }
}
