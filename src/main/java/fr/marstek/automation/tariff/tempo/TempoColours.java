package fr.marstek.automation.tariff.tempo;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Tempo colours the service knows: asks the providers in their configured order, falls back to
 * the next one when a provider fails or does not know, keeps known colours in memory and in the
 * {@link ColourCache}, and reports each provider's health. A colour nobody knows is {@link
 * TempoColour#UNKNOWN}, never blue.
 */
public final class TempoColours implements ColourOfDay {

  /** RTE's binding publication time: a colour read earlier for tomorrow is provisional. */
  public static final LocalTime BINDING_PUBLICATION = LocalTime.of(10, 30);

  /** After a read at or after this time tomorrow's colour is not asked for again. */
  public static final LocalTime FREEZE = LocalTime.of(11, 30);

  private final ProviderChain chain;
  private final ColourCache cache;
  private final InstantSource clock;
  private final boolean enabled;
  private final Map<LocalDate, Known> known = new ConcurrentHashMap<>();
  private volatile Optional<String> lastFailure = Optional.empty();
  private volatile boolean sourcesFailing;
  private volatile List<String> answered = List.of();

  private record Known(TempoColour colour, String source, Instant fetchedAt) {}

  public TempoColours(
      List<TempoColourProvider> providers,
      ColourCache cache,
      InstantSource clock,
      boolean enabled) {
    this.chain = new ProviderChain(enabled ? providers : List.of(), clock);
    this.cache = cache;
    this.clock = clock;
    this.enabled = enabled;
  }

  /** False when {@code TEMPO_ENABLED=false}: no provider is ever asked. */
  public boolean enabled() {
    return enabled;
  }

  public List<String> providerNames() {
    return chain.names();
  }

  public List<ProviderHealth> health() {
    return chain.health();
  }

  /** Asks the providers for today and tomorrow, unless both are already known for good. */
  public TempoOutlook refresh() {
    if (!enabled) {
      return outlook();
    }
    LocalDate today = TempoDays.tempoDayOf(clock.instant());
    Set<LocalDate> wanted = new TreeSet<>();
    for (LocalDate day : List.of(today, today.plusDays(1))) {
      if (!isFrozen(day, today)) {
        wanted.add(day);
      }
    }
    if (wanted.isEmpty()) {
      sourcesFailing = false;
      return outlook();
    }
    ProviderChain.Outcome outcome = chain.ask(today, wanted);
    Instant now = clock.instant();
    outcome.found().forEach((day, found) -> remember(day, found, now));
    boolean complete = outcome.found().keySet().containsAll(wanted);
    sourcesFailing = !complete && outcome.answered().isEmpty();
    answered = outcome.answered();
    lastFailure =
        outcome.failures().isEmpty()
            ? Optional.empty()
            : Optional.of(String.join("; ", outcome.failures()));
    return outlook();
  }

  /** What is known now, without asking anyone. */
  public TempoOutlook outlook() {
    LocalDate today = TempoDays.tempoDayOf(clock.instant());
    TempoColour todayColour = colourOf(today);
    TempoColour tomorrowColour = colourOf(today.plusDays(1));
    Optional<String> reason = Optional.empty();
    if (!enabled) {
      reason = Optional.of("Tempo is turned off (TEMPO_ENABLED=false)");
    } else if (!todayColour.isKnown() || !tomorrowColour.isKnown()) {
      reason = Optional.of(unknownReason());
    }
    return new TempoOutlook(today, todayColour, tomorrowColour, reason, sourcesFailing);
  }

  private String unknownReason() {
    String failure = lastFailure.orElse(null);
    if (chain.names().isEmpty()) {
      return "no Tempo provider is configured (TEMPO_PROVIDERS, RTE_CLIENT_ID)";
    }
    if (answered.isEmpty()) {
      return failure == null ? "not asked yet" : "no provider could tell: " + failure;
    }
    String notYet = "not published yet by " + String.join(", ", answered);
    return failure == null ? notYet : notYet + " (" + failure + ")";
  }

  @Override
  public TempoColour colourOf(LocalDate tempoDay) {
    Known k = known.get(tempoDay);
    if (k != null) {
      return k.colour();
    }
    return cache.load(tempoDay).orElse(TempoColour.UNKNOWN);
  }

  /** When the colour of {@code tempoDay} was last read from a provider in this run. */
  public Optional<Instant> fetchedAt(LocalDate tempoDay) {
    return Optional.ofNullable(known.get(tempoDay)).map(Known::fetchedAt);
  }

  /** The provider that gave the colour of {@code tempoDay} in this run. */
  public Optional<String> sourceOf(LocalDate tempoDay) {
    Known fetched = known.get(tempoDay);
    if (fetched != null) {
      return Optional.of(fetched.source());
    }
    // Read back from the store after a restart: the provider is no longer known, the store is.
    return cache.load(tempoDay).map(colour -> "history");
  }

  /** Every known colour of the season of {@code tempoDay}, from the cache and this run. */
  public TempoCalendar calendar(TempoSeason season) {
    Map<LocalDate, TempoColour> colours =
        new TreeMap<>(cache.loadBetween(season.firstDay(), season.lastDay()));
    known.forEach(
        (day, k) -> {
          if (season.contains(day)) {
            colours.put(day, k.colour());
          }
        });
    return TempoCalendar.of(colours);
  }

  /** Days used and left this season, counted through today (tomorrow never counts). */
  public SeasonTally seasonTally() {
    Instant now = clock.instant();
    LocalDate today = TempoDays.tempoDayOf(now);
    TempoSeason season = TempoSeason.of(today);
    TempoCalendar soFar = calendar(season).knownAt(TempoDays.start(today), LocalTime.MAX);
    int elapsed = (int) (today.toEpochDay() - season.firstDay().toEpochDay() + 1);
    return SeasonTally.of(season, soFar, elapsed);
  }

  private boolean isFrozen(LocalDate day, LocalDate today) {
    Known k = known.get(day);
    if (k == null) {
      return !day.isAfter(today) && cache.load(day).isPresent();
    }
    return !day.isAfter(today) || !k.fetchedAt().isBefore(paris(day.minusDays(1), FREEZE));
  }

  private void remember(LocalDate day, ProviderChain.Found found, Instant now) {
    known.put(day, new Known(found.colour(), found.source(), now));
    boolean provisional = now.isBefore(paris(day.minusDays(1), BINDING_PUBLICATION));
    if (!provisional) {
      cache.store(day, found.colour(), found.source());
    }
  }

  private static Instant paris(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, PARIS).toInstant();
  }
}
