package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.tariff.tempo.ProviderHealth;
import fr.marstek.automation.tariff.tempo.SeasonTally;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoNow;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Today's and tomorrow's Tempo colour, the current price, the season so far, provider health. */
record TempoView(
    @JsonProperty("generated_at") OffsetDateTime generatedAt,
    Day today,
    Day tomorrow,
    @JsonProperty("tomorrow_published") boolean tomorrowPublished,
    @JsonProperty("unknown_reason") @Schema(description = "Why a colour is UNKNOWN, if one is")
        String unknownReason,
    @JsonProperty("current_period") Period currentPeriod,
    Prices prices,
    Season season,
    List<Provider> providers) {

  @Schema(description = "A Tempo day runs 06:00 to 06:00 Europe/Paris (23 or 25 h on DST nights)")
  record Day(
      LocalDate date,
      @Schema(allowableValues = {"BLUE", "WHITE", "RED", "UNKNOWN"}) String colour,
      @JsonProperty("starts_at") OffsetDateTime startsAt,
      @JsonProperty("ends_at") OffsetDateTime endsAt,
      @Schema(description = "Provider that gave the colour in this run, if any") String source) {
    static Day of(LocalDate date, TempoColour colour, Optional<String> source) {
      return new Day(
          date,
          colour.name(),
          ApiTimes.paris(TempoDays.start(date)),
          ApiTimes.paris(TempoDays.end(date)),
          source.orElse(null));
    }
  }

  record Period(
      @Schema(allowableValues = {"HP", "HC"}) String name,
      boolean peak,
      String colour,
      @JsonProperty("price_eur_per_kwh")
          @Schema(description = "Null while the colour is unknown: an unknown price is not cheap")
          Double priceEurPerKwh,
      OffsetDateTime from,
      OffsetDateTime to) {
    static Period of(TempoNow now) {
      return new Period(
          now.offPeak() ? "HC" : "HP",
          !now.offPeak(),
          now.todayColour().name(),
          now.priceEurPerKwhOrNull(),
          ApiTimes.paris(now.periodStart()),
          ApiTimes.paris(now.periodEnd()));
    }
  }

  @Schema(description = "The six prices in force (EUR/kWh, taxes included, energy part)")
  record Prices(
      @JsonProperty("valid_from") LocalDate validFrom,
      @JsonProperty("blue_hc") double blueHc,
      @JsonProperty("blue_hp") double blueHp,
      @JsonProperty("white_hc") double whiteHc,
      @JsonProperty("white_hp") double whiteHp,
      @JsonProperty("red_hc") double redHc,
      @JsonProperty("red_hp") double redHp) {
    static Prices of(TempoPriceGrid g) {
      return new Prices(
          g.validFrom(),
          g.blueOffPeak().eurPerKwh(),
          g.bluePeak().eurPerKwh(),
          g.whiteOffPeak().eurPerKwh(),
          g.whitePeak().eurPerKwh(),
          g.redOffPeak().eurPerKwh(),
          g.redPeak().eurPerKwh());
    }
  }

  @Schema(
      description =
          "Days of each colour so far this season (1 Sep - 31 Aug), through today, from the"
              + " colours the service knows. When complete is false some past days are unknown:"
              + " used counts are then lower bounds and days left upper bounds.")
  record Season(
      String name,
      boolean complete,
      @JsonProperty("known_days") int knownDays,
      @JsonProperty("elapsed_days") int elapsedDays,
      Count blue,
      Count white,
      Count red) {
    record Count(int used, int left, int quota) {}

    static Season of(SeasonTally t) {
      return new Season(
          t.season().toString(),
          t.complete(),
          t.knownDays(),
          t.elapsedDays(),
          count(t, TempoColour.BLUE),
          count(t, TempoColour.WHITE),
          count(t, TempoColour.RED));
    }

    private static Count count(SeasonTally t, TempoColour c) {
      return new Count(t.used(c), t.left(c), t.season().quota(c));
    }
  }

  record Provider(
      String name,
      boolean healthy,
      @JsonProperty("last_success") OffsetDateTime lastSuccess,
      @JsonProperty("last_error_at") OffsetDateTime lastErrorAt,
      @JsonProperty("last_error") String lastError,
      @JsonProperty("failures_in_a_row") int failuresInARow,
      @JsonProperty("paused_until") OffsetDateTime pausedUntil) {
    static Provider of(ProviderHealth h) {
      return new Provider(
          h.name(),
          h.healthy(),
          h.lastSuccess().map(ApiTimes::paris).orElse(null),
          h.lastErrorAt().map(ApiTimes::paris).orElse(null),
          h.lastError().orElse(null),
          h.failuresInARow(),
          h.pausedUntil().map(ApiTimes::paris).orElse(null));
    }
  }
}
