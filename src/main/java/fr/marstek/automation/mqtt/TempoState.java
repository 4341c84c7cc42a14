package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.tariff.tempo.SeasonTally;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoNow;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import java.time.LocalDate;
import java.util.List;

/**
 * The Tempo state topic: colours as the enum names BLUE / WHITE / RED / UNKNOWN and the period as
 * PEAK / OFF_PEAK, so neither French nor English wording leaks into automations. No timestamp, so
 * an unchanged day publishes an unchanged payload.
 *
 * @param seasonComplete every day of the season so far has a known colour; when false the days left
 *     are upper bounds
 */
record TempoState(
    String today,
    String tomorrow,
    @JsonProperty("today_date") LocalDate todayDate,
    @JsonProperty("tomorrow_date") LocalDate tomorrowDate,
    String period,
    String season,
    @JsonProperty("blue_days_left") int blueDaysLeft,
    @JsonProperty("white_days_left") int whiteDaysLeft,
    @JsonProperty("red_days_left") int redDaysLeft,
    @JsonProperty("season_complete") boolean seasonComplete,
    @JsonProperty("price_eur_kwh") Double priceEurKwh) {

  static final List<String> COLOURS =
      List.of(
          TempoColour.BLUE.name(),
          TempoColour.WHITE.name(),
          TempoColour.RED.name(),
          TempoColour.UNKNOWN.name());
  static final String PEAK = "PEAK";
  static final String OFF_PEAK = "OFF_PEAK";

  static TempoState of(TempoNow now) {
    TempoOutlook outlook = now.outlook();
    SeasonTally tally = now.tally();
    return new TempoState(
        outlook.todayColour().name(),
        outlook.tomorrowColour().name(),
        outlook.today(),
        outlook.tomorrow(),
        now.offPeak() ? OFF_PEAK : PEAK,
        tally.season().toString(),
        tally.left(TempoColour.BLUE),
        tally.left(TempoColour.WHITE),
        tally.left(TempoColour.RED),
        tally.complete(),
        now.priceEurPerKwhOrNull());
  }
}
