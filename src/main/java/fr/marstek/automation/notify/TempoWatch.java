package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.planning.BatteryPlan;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.ProviderHealth;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
    notifications.send(
        unknownLate(now, tomorrow, outlook.sourcesFailing(), outlook.unknownReason(), planned));
  }

  /**
   * French has always said only whether the sources fail; English quotes the reason, which comes in
   * English.
   */
  static Notice unknownLate(
      Instant now,
      LocalDate tomorrow,
      boolean sourcesFailing,
      Optional<String> reason,
      boolean planned) {
    Phrase why =
        reason.map(Phrase::verbatim).orElseGet(() -> Phrase.of("notice.tempoUnknown.notPublished"));
    return Wording.catalogued(
        NoticeKind.TEMPO_UNKNOWN_LATE,
        UNKNOWN,
        l -> Phrase.of("notice.tempoUnknown.title"),
        l ->
            Phrase.of(
                planned ? "notice.tempoUnknown.bodyPlanned" : "notice.tempoUnknown.body",
                Arg.text(Figures.hour(now)),
                Arg.text(Figures.day(tomorrow, l)),
                l == Language.EN
                    ? Arg.phrase(Phrase.of("notice.tempoUnknown.reason", Arg.phrase(why)))
                    : sourcesFailing
                        ? Arg.phrase(Phrase.of("notice.tempoUnknown.sourcesFailing"))
                        : Arg.text("")));
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
          providerFailing(health.name(), health.failuresInARow(), at, error, relays));
    }
  }

  static Notice providerFailing(
      String name, int failures, String at, String error, List<String> relays) {
    Phrase relay =
        relays.isEmpty()
            ? Phrase.of("notice.tempoProvider.noRelay")
            : Phrase.of("notice.tempoProvider.relays", Arg.text(String.join(", ", relays)));
    return Wording.catalogued(
        NoticeKind.TEMPO_PROVIDER_FAILING,
        "tempo-provider-" + name,
        Phrase.of("notice.tempoProvider.title", Arg.text(name)),
        Phrase.of(
            "notice.tempoProvider.body",
            Arg.text(name),
            Arg.text(Integer.toString(failures)),
            Arg.text(at),
            Arg.text(error),
            Arg.phrase(relay)));
  }

  private Notice announcement(
      LocalDate tomorrow, TempoColour colour, Optional<Plan> plan, Instant now, Instant nightEnd) {
    Optional<Double> peak =
        tariff.periodAt(tariff.dayStart(tomorrow)).map(p -> p.price().eurPerKwh());
    List<Function<Language, Phrase>> lines = new ArrayList<>();
    plan.ifPresent(
        p -> {
          for (BatteryPlan battery : p.batteries()) {
            lines.add(line(p, battery, now, nightEnd));
          }
        });
    return announcement(tomorrow, colour, peak, lines);
  }

  static Notice announcement(
      LocalDate tomorrow,
      TempoColour colour,
      Optional<Double> peak,
      List<Function<Language, Phrase>> lines) {
    boolean red = colour == TempoColour.RED;
    return Wording.catalogued(
        red ? NoticeKind.TEMPO_RED_TOMORROW : NoticeKind.TEMPO_WHITE_TOMORROW,
        TOMORROW,
        l -> Phrase.of(red ? "notice.tempoTomorrow.red.title" : "notice.tempoTomorrow.white.title"),
        l ->
            Phrase.of(
                "notice.tempoTomorrow.body",
                Arg.term("colour.word." + colour.name()),
                Arg.text(Figures.day(tomorrow, l)),
                peak.map(
                        eur ->
                            Arg.phrase(
                                Phrase.of(
                                    "notice.tempoTomorrow.peakPrice", Arg.text(perKwh(eur, l)))))
                    .orElse(Arg.text("")),
                lines.isEmpty()
                    ? Arg.text("")
                    : Arg.phrase(
                        Phrase.of("notice.tempoTomorrow.tonight", Arg.phrase(joined(lines, l))))));
  }

  /**
   * The lines one after the other with the catalogue's separator; a verbatim phrase so that none is
   * capitalised (each starts with "batterie", in the middle of a sentence).
   */
  private static Phrase joined(List<Function<Language, Phrase>> lines, Language l) {
    List<Arg> parts = new ArrayList<>();
    for (Function<Language, Phrase> line : lines) {
      if (!parts.isEmpty()) {
        parts.add(Arg.term("notice.tempoTomorrow.separator"));
      }
      parts.add(Arg.phrase(line.apply(l)));
    }
    return new Phrase(Phrase.VERBATIM, parts);
  }

  private Function<Language, Phrase> line(
      Plan plan, BatteryPlan battery, Instant now, Instant nightEnd) {
    Optional<BatteryStatus> status = fleet.online(battery.battery());
    Optional<NightCharge> charge = NightCharge.of(battery, now, nightEnd);
    if (charge.isEmpty()) {
      return noChargeLine(battery.battery(), status.map(s -> s.soc().value()));
    }
    NightCharge c = charge.get();
    double from =
        plan.socAt(battery.battery(), c.startsAt())
            .map(p -> p.value())
            .or(() -> status.map(s -> s.soc().value()))
            .orElse(c.targetSoc());
    double wh = Math.max(0, c.targetSoc() - from) / 100 * FleetLook.capacityWh(status);
    return chargeLine(battery.battery(), wh, c.targetSoc(), c.doneBy());
  }

  static Function<Language, Phrase> noChargeLine(String battery, Optional<Double> soc) {
    Phrase line =
        soc.map(
                value ->
                    Phrase.of(
                        "notice.tempoTomorrow.noChargeAt",
                        Arg.text(battery),
                        Arg.text(Figures.percent(value))))
            .orElseGet(() -> Phrase.of("notice.tempoTomorrow.noCharge", Arg.text(battery)));
    return l -> line;
  }

  static Function<Language, Phrase> chargeLine(
      String battery, double wh, double target, Instant doneBy) {
    return l ->
        Phrase.of(
            "notice.tempoTomorrow.charges",
            Arg.text(battery),
            Arg.text(Figures.kwh(wh, l)),
            Arg.text(Figures.percent(target)),
            Arg.text(Figures.hour(doneBy)));
  }

  private static String perKwh(double eur, Language language) {
    return String.format(language == Language.FR ? Locale.FRANCE : Locale.UK, "%.4f €/kWh", eur);
  }
}
