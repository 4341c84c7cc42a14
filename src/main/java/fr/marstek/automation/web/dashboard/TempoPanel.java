package fr.marstek.automation.web.dashboard;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.SeasonTally;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoNow;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.web.dashboard.FleetSummary.Alert;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The Now page's Tempo block: today's and tomorrow's colour, the period now with its price, and the
 * days left of each colour this season.
 *
 * @param todayColour BLUE, WHITE, RED or UNKNOWN, also the message key's suffix and CSS class
 * @param peak true in peak hours (06:00-22:00), false off-peak
 * @param priceEurPerKwh the price now, null while today's colour is unknown (never taken for blue)
 * @param exactCounts false when some past day of the season has no known colour: the days left are
 *     then upper bounds
 * @param unknownReason why a colour is unknown, empty when both are known
 */
public record TempoPanel(
    boolean enabled,
    LocalDate today,
    String todayColour,
    String tomorrowColour,
    boolean peak,
    Instant periodEnd,
    Double priceEurPerKwh,
    String season,
    int blueLeft,
    int whiteLeft,
    int redLeft,
    boolean exactCounts,
    String unknownReason,
    List<Alert> alerts) {

  /**
   * From this hour on, an unknown colour for tomorrow is late: RTE publishes around 10:30-11:00.
   */
  static final LocalTime LATE = TempoColours.FREEZE;

  static TempoPanel of(TempoColours colours, TempoPrices prices, Tariff tariff, Instant now) {
    if (!colours.enabled()) {
      LocalDate today = TempoDays.tempoDayOf(now);
      return new TempoPanel(
          false, today, "UNKNOWN", "UNKNOWN", false, now, null, "", 0, 0, 0, false, "", List.of());
    }
    TempoNow tempo = TempoNow.of(colours, prices, tariff, now);
    TempoOutlook outlook = tempo.outlook();
    SeasonTally tally = tempo.tally();
    LocalDate today = outlook.today();
    TempoColour colour = outlook.todayColour();
    String reason = outlook.unknownReason().orElse("");
    return new TempoPanel(
        true,
        today,
        colour.name(),
        outlook.tomorrowColour().name(),
        !tempo.offPeak(),
        tempo.periodEnd(),
        tempo.priceEurPerKwhOrNull(),
        tally.season().toString(),
        tally.left(TempoColour.BLUE),
        tally.left(TempoColour.WHITE),
        tally.left(TempoColour.RED),
        tally.complete(),
        reason,
        alerts(outlook, tally, now, reason));
  }

  /**
   * Today unknown is always worth saying (the plan then assumes the worst); tomorrow unknown only
   * once it should have been published, and louder when tomorrow may be red with red days left.
   */
  private static List<Alert> alerts(
      TempoOutlook outlook, SeasonTally tally, Instant now, String reason) {
    List<Alert> alerts = new ArrayList<>();
    if (!outlook.todayColour().isKnown()) {
      alerts.add(new Alert("alert.todayUnknown", "", reason));
    }
    LocalDate tomorrow = outlook.tomorrow();
    LocalTime local = LocalTime.ofInstant(now, PARIS);
    // the night after midnight still belongs to the same Tempo day, and is later still
    boolean late = !local.isBefore(LATE) || local.getHour() < TempoDays.DAY_START_HOUR;
    if (!outlook.tomorrowColour().isKnown() && late) {
      boolean mayBeRed = TempoSeason.isRedAllowed(tomorrow) && tally.left(TempoColour.RED) > 0;
      alerts.add(
          new Alert(mayBeRed ? "alert.tomorrowMayBeRed" : "alert.tomorrowUnknown", "", reason));
    }
    return List.copyOf(alerts);
  }
}
