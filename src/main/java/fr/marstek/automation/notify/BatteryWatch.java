package fr.marstek.automation.notify;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.notify.channel.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;

/**
 * Tells when a battery's Open API looks switched off or the battery looks reset, from what a client
 * can see (spec 2.1, 8): the API answers nothing at all when off, so a battery silent for {@code
 * NOTIFY_API_SILENT_MINUTES} is reported as "API probably off"; a factory reset or the firmware
 * 147-148 bug leaves the battery in Auto with its slots wiped and the API off, so a battery that
 * comes back in Auto after being left in Manual or Passive, or whose lifetime energy counters went
 * down, is reported as reset.
 */
final class BatteryWatch implements Watch {

  /** Counters read in whole Wh move by rounding only: a drop beyond this is a reset. */
  private static final double COUNTER_SLACK_WH = 10;

  private record Seen(DeviceMode mode, double charged, double discharged) {}

  private record Silence(Instant since, String reason) {}

  private final Notifications notifications;
  private final WatchSettings settings;
  private final Map<BatteryId, Seen> lastSeen = new ConcurrentHashMap<>();
  private final Map<BatteryId, Silence> silent = new ConcurrentHashMap<>();
  private final Map<BatteryId, Duration> cameBackAfter = new ConcurrentHashMap<>();

  BatteryWatch(Notifications notifications, WatchSettings settings) {
    this.notifications = notifications;
    this.settings = settings;
  }

  @EventListener
  void on(BatteryWentOffline event) {
    silent.putIfAbsent(event.battery(), new Silence(event.since(), event.reason()));
  }

  @EventListener
  void on(BatteryCameBack event) {
    silent.remove(event.battery());
    cameBackAfter.put(event.battery(), event.offlineFor());
    notifications.clear(apiSubject(event.battery()));
  }

  /** Runs on the polling thread: compares with the last report and only queues. */
  @EventListener
  void on(BatteryStatusObserved event) {
    BatteryStatus status = event.status();
    BatteryId id = status.id();
    Seen now =
        new Seen(status.mode(), status.chargedTotal().value(), status.dischargedTotal().value());
    Seen before = lastSeen.put(id, now);
    Duration away = cameBackAfter.remove(id);
    if (now.mode() == DeviceMode.MANUAL || now.mode() == DeviceMode.PASSIVE) {
      notifications.clear(resetSubject(id)); // set again: a later reset is news again
    }
    if (before == null) {
      return;
    }
    boolean countersDropped =
        now.charged() < before.charged() - COUNTER_SLACK_WH
            || now.discharged() < before.discharged() - COUNTER_SLACK_WH;
    boolean backInAuto =
        away != null
            && now.mode() == DeviceMode.AUTO
            && (before.mode() == DeviceMode.MANUAL || before.mode() == DeviceMode.PASSIVE);
    if (countersDropped) {
      notifications.send(countersReset(id, before, now));
    } else if (backInAuto) {
      notifications.send(backInAuto(id, before.mode(), away));
    }
  }

  @Override
  public void check(Instant now) {
    silent.forEach(
        (id, silence) -> {
          Duration quiet = Duration.between(silence.since(), now);
          if (quiet.compareTo(settings.apiSilentAfter()) >= 0) {
            notifications.send(apiSilent(id, silence, quiet));
          }
        });
  }

  static String apiSubject(BatteryId id) {
    return "battery-" + id + "-api";
  }

  static String resetSubject(BatteryId id) {
    return "battery-" + id + "-reset";
  }

  private static Notice apiSilent(BatteryId id, Silence silence, Duration quiet) {
    String minutes = quiet.toMinutes() + " min";
    String at = Figures.hour(silence.since());
    return new Notice(
        NoticeKind.BATTERY_API_SILENT,
        apiSubject(id),
        new Message(
            "Batterie " + id + " : API locale coupée ?",
            "La batterie "
                + id
                + " ne répond plus depuis "
                + at
                + " ("
                + minutes
                + ", "
                + silence.reason()
                + "). Si elle est allumée et sur le Wi-Fi, son API locale s'est sans doute"
                + " désactivée (mise à jour, réinitialisation, bug des firmwares 147-148) :"
                + " réactivez-la dans l'app Marstek."),
        new Message(
            "Battery " + id + ": local API switched off?",
            "Battery "
                + id
                + " has not answered since "
                + at
                + " ("
                + minutes
                + ", "
                + silence.reason()
                + "). If it is powered and on Wi-Fi, its local API has probably switched itself"
                + " off (update, reset, firmware 147-148 bug): enable it again in the Marstek"
                + " app."));
  }

  private static Notice backInAuto(BatteryId id, DeviceMode was, Duration away) {
    String minutes = Math.max(1, away.toMinutes()) + " min";
    return new Notice(
        NoticeKind.BATTERY_RESET,
        resetSubject(id),
        new Message(
            "Batterie " + id + " réinitialisée ?",
            "La batterie "
                + id
                + " revient après "
                + minutes
                + " sans réponse en mode Auto au lieu de "
                + was.wireName()
                + " : elle semble réinitialisée (réglages effacés). Le mode voulu est"
                + " réappliqué ; vérifiez ses plages dans l'app Marstek."),
        new Message(
            "Battery " + id + " reset?",
            "Battery "
                + id
                + " is back after "
                + minutes
                + " without answering, in Auto mode instead of "
                + was.wireName()
                + ": it looks reset (settings wiped). The wanted mode is applied again; check its"
                + " time slots in the Marstek app."));
  }

  private static String counters(
      Seen before, Seen now, Notice.Language language, String charged, String discharged) {
    return charged
        + Figures.kwh(before.charged(), language)
        + " → "
        + Figures.kwh(now.charged(), language)
        + discharged
        + Figures.kwh(before.discharged(), language)
        + " → "
        + Figures.kwh(now.discharged(), language);
  }

  private static Notice countersReset(BatteryId id, Seen before, Seen now) {
    String fr = counters(before, now, Notice.Language.FR, "charge ", ", décharge ");
    String en = counters(before, now, Notice.Language.EN, "charged ", ", discharged ");
    return new Notice(
        NoticeKind.BATTERY_RESET,
        resetSubject(id),
        new Message(
            "Batterie " + id + " réinitialisée ?",
            "Les compteurs d'énergie de la batterie "
                + id
                + " ont diminué ("
                + fr
                + ") : elle semble réinitialisée. Vérifiez son API locale et ses plages dans"
                + " l'app Marstek."),
        new Message(
            "Battery " + id + " reset?",
            "Battery "
                + id
                + "'s energy counters went down ("
                + en
                + "): it looks reset. Check its local API and time slots in the Marstek app."));
  }
}
