package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.planning.BatteryPlan;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.ProviderHealth;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tomorrow's red or white day, announced once with tonight's plan; tomorrow's colour still unknown
 * late on the eve of a day that may be red; a colour provider failing again and again. Tomorrow's
 * peak price is the live {@link Tariff}'s.
 */
final class TempoWatch implements Watch {

  /** Failed calls in a row before a provider is reported: one failure is often a blip. */
  static final int PROVIDER_FAILURES = 3;

  static final String TOMORROW = "tempo-tomorrow";
  static final String UNKNOWN = "tempo-unknown";

  private final Notifications notifications;
  private final WatchSettings settings;
  private final TempoColours colours;
  private final Tariff tariff;
  private final FleetLook fleet;
  private LocalDate announced;
  private LocalDate warnedUnknown;

  TempoWatch(
      Notifications notifications,
      WatchSettings settings,
      TempoColours colours,
      Tariff tariff,
      FleetLook fleet) {
    this.notifications = notifications;
    this.settings = settings;
    this.colours = colours;
    this.tariff = tariff;
    this.fleet = fleet;
  }

  @Override
  public synchronized void check(Instant now) {
    if (!colours.enabled()) {
      return;
    }
    TempoOutlook outlook = colours.outlook();
    announceTomorrow(now, outlook);
    warnIfStillUnknown(now, outlook);
    providers();
  }

  private void announceTomorrow(Instant now, TempoOutlook outlook) {
    LocalDate tomorrow = outlook.tomorrow();
    TempoColour colour = outlook.tomorrowColour();
    boolean worthTelling = colour == TempoColour.RED || colour == TempoColour.WHITE;
    // Before 10:30 a colour is provisional (TempoColours.BINDING_PUBLICATION).
    Instant binding =
        ZonedDateTime.of(outlook.today(), TempoColours.BINDING_PUBLICATION, PARIS).toInstant();
    if (!worthTelling || tomorrow.equals(announced) || now.isBefore(binding)) {
      return;
    }
    Optional<Plan> plan = fleet.plan();
    Optional<Instant> fetched = colours.fetchedAt(tomorrow);
    if (plan.isPresent() && fetched.isPresent() && plan.get().madeAt().isBefore(fetched.get())) {
      return; // control plans again within minutes: tell tonight's plan made with the colour
    }
    announced = tomorrow;
    notifications.clear(TOMORROW);
    notifications.send(announcement(tomorrow, colour, plan, now, tariff.dayEnd(outlook.today())));
  }

  private void warnIfStillUnknown(Instant now, TempoOutlook outlook) {
    LocalDate tomorrow = outlook.tomorrow();
    LocalDateTime local = LocalDateTime.ofInstant(now, PARIS);
    boolean evening =
        local.toLocalDate().equals(outlook.today())
            && !local.toLocalTime().isBefore(settings.tempoUnknownAt());
    if (outlook.tomorrowPublished()
        || !evening
        || !TempoSeason.isRedAllowed(tomorrow)
        || tomorrow.equals(warnedUnknown)) {
      return;
    }
    warnedUnknown = tomorrow;
    notifications.clear(UNKNOWN);
    boolean planned = fleet.plan().isPresent();
    String reason = outlook.unknownReason().orElse("not published yet");
    notifications.send(
        new Notice(
            NoticeKind.TEMPO_UNKNOWN_LATE,
            UNKNOWN,
            new Message(
                "Couleur de demain inconnue",
                "À "
                    + Figures.hour(now)
                    + ", la couleur Tempo de "
                    + Figures.day(tomorrow, Language.FR)
                    + " n'est toujours pas connue"
                    + (outlook.sourcesFailing() ? " (les sources Tempo échouent)" : "")
                    + ". Un jour rouge reste possible"
                    + (planned ? " : le plan le suppose rouge par prudence." : ".")),
            new Message(
                "Tomorrow's colour unknown",
                "At "
                    + Figures.hour(now)
                    + ", the Tempo colour of "
                    + Figures.day(tomorrow, Language.EN)
                    + " is still unknown ("
                    + reason
                    + "). A red day is still possible"
                    + (planned ? ": the plan assumes red to be safe." : "."))));
  }

  private void providers() {
    List<ProviderHealth> all = colours.health();
    for (ProviderHealth health : all) {
      String subject = "tempo-provider-" + health.name();
      if (health.failuresInARow() < PROVIDER_FAILURES) {
        notifications.clear(subject);
        continue;
      }
      List<String> relays =
          all.stream()
              .filter(h -> h.healthy() && h.lastSuccess().isPresent())
              .map(ProviderHealth::name)
              .toList();
      String at = health.lastErrorAt().map(Figures::hour).orElse("?");
      String error = health.lastError().orElse("?");
      notifications.send(
          new Notice(
              NoticeKind.TEMPO_PROVIDER_FAILING,
              subject,
              new Message(
                  "Source Tempo " + health.name() + " en échec",
                  "La source Tempo "
                      + health.name()
                      + " a échoué "
                      + health.failuresInARow()
                      + " fois de suite (dernière à "
                      + at
                      + " : "
                      + error
                      + "). "
                      + (relays.isEmpty()
                          ? "Aucune autre source ne répond."
                          : "Relais : " + String.join(", ", relays) + ".")),
              new Message(
                  "Tempo source " + health.name() + " failing",
                  "Tempo source "
                      + health.name()
                      + " failed "
                      + health.failuresInARow()
                      + " times in a row (last at "
                      + at
                      + ": "
                      + error
                      + "). "
                      + (relays.isEmpty()
                          ? "No other source answers."
                          : "Answering instead: " + String.join(", ", relays) + "."))));
    }
  }

  private Notice announcement(
      LocalDate tomorrow, TempoColour colour, Optional<Plan> plan, Instant now, Instant nightEnd) {
    boolean red = colour == TempoColour.RED;
    Optional<Double> peak =
        tariff.periodAt(tariff.dayStart(tomorrow)).map(p -> p.price().eurPerKwh());
    List<String> fr = new ArrayList<>();
    List<String> en = new ArrayList<>();
    plan.ifPresent(
        p -> {
          for (BatteryPlan battery : p.batteries()) {
            fr.add(line(p, battery, now, nightEnd, Language.FR));
            en.add(line(p, battery, now, nightEnd, Language.EN));
          }
        });
    String priceFr =
        peak.map(eur -> " : heures pleines 06:00-22:00 à " + perKwh(eur, Language.FR)).orElse("");
    String priceEn =
        peak.map(eur -> ": peak hours 06:00-22:00 at " + perKwh(eur, Language.EN)).orElse("");
    return new Notice(
        red ? NoticeKind.TEMPO_RED_TOMORROW : NoticeKind.TEMPO_WHITE_TOMORROW,
        TOMORROW,
        new Message(
            red ? "Demain ROUGE" : "Demain BLANC",
            "Jour Tempo "
                + (red ? "rouge " : "blanc ")
                + Figures.day(tomorrow, Language.FR)
                + priceFr
                + "."
                + (fr.isEmpty() ? "" : " Cette nuit : " + String.join(" ; ", fr) + ".")),
        new Message(
            red ? "Tomorrow RED" : "Tomorrow WHITE",
            (red ? "Red" : "White")
                + " Tempo day "
                + Figures.day(tomorrow, Language.EN)
                + priceEn
                + "."
                + (en.isEmpty() ? "" : " Tonight: " + String.join("; ", en) + ".")));
  }

  private String line(Plan plan, BatteryPlan battery, Instant now, Instant nightEnd, Language l) {
    boolean french = l == Language.FR;
    String name = (french ? "batterie " : "battery ") + battery.battery();
    Optional<BatteryStatus> status = fleet.online(battery.battery());
    Optional<NightCharge> charge = NightCharge.of(battery, now, nightEnd);
    if (charge.isEmpty()) {
      String soc = status.map(s -> " (" + Figures.percent(s.soc().value()) + ")").orElse("");
      return name + (french ? " ne charge pas" : " does not charge") + soc;
    }
    NightCharge c = charge.get();
    double from =
        plan.socAt(battery.battery(), c.startsAt())
            .map(p -> p.value())
            .or(() -> status.map(s -> s.soc().value()))
            .orElse(c.targetSoc());
    double wh = Math.max(0, c.targetSoc() - from) / 100 * FleetLook.capacityWh(status);
    return name
        + " +"
        + Figures.kwh(wh, l)
        + (french ? " jusqu'à " : " up to ")
        + Figures.percent(c.targetSoc())
        + (french ? " d'ici " : " by ")
        + Figures.hour(c.doneBy());
  }

  private static String perKwh(double eur, Language language) {
    return String.format(language == Language.FR ? Locale.FRANCE : Locale.UK, "%.4f €/kWh", eur);
  }
}
