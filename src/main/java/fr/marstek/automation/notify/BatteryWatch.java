package fr.marstek.automation.notify;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
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
      notifications.send(
          countersReset(
              id, before.charged(), now.charged(), before.discharged(), now.discharged()));
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
            notifications.send(apiSilent(id, silence.since(), silence.reason(), quiet));
          }
        });
  }

  static String apiSubject(BatteryId id) {
    return "battery-" + id + "-api";
  }

  static String resetSubject(BatteryId id) {
    return "battery-" + id + "-reset";
  }

  static Notice apiSilent(BatteryId id, Instant since, String reason, Duration quiet) {
    return Wording.catalogued(
        NoticeKind.BATTERY_API_SILENT,
        apiSubject(id),
        Phrase.of("notice.apiSilent.title", Arg.text(id.value())),
        Phrase.of(
            "notice.apiSilent.body",
            Arg.text(id.value()),
            Arg.text(Figures.hour(since)),
            Arg.text(quiet.toMinutes() + " min"),
            Arg.text(reason)));
  }

  static Notice backInAuto(BatteryId id, DeviceMode was, Duration away) {
    return Wording.catalogued(
        NoticeKind.BATTERY_RESET,
        resetSubject(id),
        Phrase.of("notice.reset.title", Arg.text(id.value())),
        Phrase.of(
            "notice.backInAuto.body",
            Arg.text(id.value()),
            Arg.text(Math.max(1, away.toMinutes()) + " min"),
            Arg.text(was.wireName())));
  }

  static Notice countersReset(
      BatteryId id,
      double chargedBefore,
      double chargedNow,
      double dischargedBefore,
      double dischargedNow) {
    return Wording.catalogued(
        NoticeKind.BATTERY_RESET,
        resetSubject(id),
        language -> Phrase.of("notice.reset.title", Arg.text(id.value())),
        language ->
            Phrase.of(
                "notice.countersReset.body",
                Arg.text(id.value()),
                Arg.text(Figures.kwh(chargedBefore, language)),
                Arg.text(Figures.kwh(chargedNow, language)),
                Arg.text(Figures.kwh(dischargedBefore, language)),
                Arg.text(Figures.kwh(dischargedNow, language))));
  }
}
