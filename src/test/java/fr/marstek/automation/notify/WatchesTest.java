package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.ChannelSettings;
import fr.marstek.automation.notify.channel.Channels;
import fr.marstek.automation.notify.channel.NoticeLevel;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The battery watch in English against a simulated battery's own reports, with its notices read at
 * a real webhook; and the watches' settings.
 */
class WatchesTest {

  private final HttpSink sink = new HttpSink();
  private final MutableClock clock = MutableClock.atParis("2027-01-12T10:00:00");
  private final BatteryId one = new BatteryId("1");
  private NotificationDispatcher dispatcher;

  WatchesTest() throws Exception {}

  @AfterEach
  void stop() {
    if (dispatcher != null) {
      dispatcher.stop();
    }
    sink.close();
  }

  private Notifications notifications() {
    var channelSettings =
        new ChannelSettings(Map.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    Map<NoticeKind, NoticeLevel> all = new EnumMap<>(NoticeKind.class);
    Arrays.stream(NoticeKind.values()).forEach(k -> all.put(k, k.defaultLevel()));
    var settings =
        new NotifySettings(Language.EN, all, 100, 10, Duration.ofMillis(50), 1, channelSettings);
    var channels =
        NotificationConfiguration.channels(
            List.of("json://127.0.0.1:" + sink.port() + "/hook"),
            new Channels(channelSettings, JsonMapper.builder().build()));
    dispatcher = new NotificationDispatcher(channels, 10, settings.firstRetry(), 1);
    dispatcher.start();
    return new Notifications(settings, channels, new NoticeGate(clock, 100), dispatcher);
  }

  private List<JsonNode> hooks(String title) {
    return sink.received().stream()
        .map(r -> JsonMapper.builder().build().readTree(r.body()))
        .filter(json -> json.get("title").asString().equals(title))
        .toList();
  }

  @Test
  void energyCountersGoingDownAreToldAsAResetOnce() {
    var watch = new BatteryWatch(notifications(), WatchSettings.defaults());
    var battery =
        new SimulatedBattery(
            SimulatorOptions.defaults()
                .withInitialSoc(Percent.of(80))
                .withLoad(HouseholdLoad.constant(Watts.of(500))),
            clock);
    watch.on(new BatteryStatusObserved(battery.status(one)));
    clock.advance(Duration.ofHours(3));
    var before = battery.status(one);
    watch.on(new BatteryStatusObserved(before));
    assertThat(before.dischargedTotal().value()).as("it covered the house").isGreaterThan(1000);

    battery.factoryReset(true);
    clock.advance(Duration.ofMinutes(1));
    var after = battery.status(one);
    watch.on(new BatteryStatusObserved(after));
    clock.advance(Duration.ofMinutes(1));
    watch.on(new BatteryStatusObserved(battery.status(one)));

    await().atMost(HttpSink.patience()).until(() -> hooks("Battery 1 reset?").size() == 1);
    assertThat(hooks("Battery 1 reset?").getFirst().get("message").asString())
        .isEqualTo(
            "Battery 1's energy counters went down (charged "
                + Figures.kwh(before.chargedTotal().value(), Language.EN)
                + " → "
                + Figures.kwh(after.chargedTotal().value(), Language.EN)
                + ", discharged "
                + Figures.kwh(before.dischargedTotal().value(), Language.EN)
                + " → 0.0 kWh): it looks reset. Check its local API and time slots in the Marstek"
                + " app.");
    await().during(Duration.ofMillis(300)).until(() -> sink.received().size() == 1);
  }

  @Test
  void aBatterySilentForTheSetTimeIsToldOnceUntilItAnswersAgain() {
    var watch =
        new BatteryWatch(
            notifications(),
            new WatchSettings(
                Optional.empty(),
                Optional.empty(),
                LocalTime.of(20, 0),
                LocalTime.of(3, 0),
                Duration.ofMinutes(20)));
    watch.on(new BatteryWentOffline(one, clock.instant(), "no reply to ES.GetStatus"));
    clock.advance(Duration.ofMinutes(19));
    watch.check(clock.instant());
    clock.advance(Duration.ofMinutes(1));
    watch.check(clock.instant());
    watch.check(clock.instant());
    watch.on(new BatteryCameBack(one, clock.instant(), Duration.ofMinutes(20)));
    watch.on(new BatteryWentOffline(one, clock.instant(), "no reply to ES.GetMode"));
    clock.advance(Duration.ofMinutes(25));
    watch.check(clock.instant());

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 2);
    assertThat(hooks("Battery 1: local API switched off?"))
        .extracting(json -> json.get("message").asString())
        .containsExactlyInAnyOrder( // each message is delivered on its own thread
            "Battery 1 has not answered since 10:00 (20 min, no reply to ES.GetStatus). If it is"
                + " powered and on Wi-Fi, its local API has probably switched itself off (update,"
                + " reset, firmware 147-148 bug): enable it again in the Marstek app.",
            "Battery 1 has not answered since 10:20 (25 min, no reply to ES.GetMode). If it is"
                + " powered and on Wi-Fi, its local API has probably switched itself off (update,"
                + " reset, firmware 147-148 bug): enable it again in the Marstek app.");
  }

  @Test
  void settingsReadTimesAndDaysAndSayWhatIsWrong() {
    var good =
        WatchSettings.from(
            new Variables(
                Map.of(
                    "NOTIFY_DAILY_SUMMARY_AT", "7:30",
                    "NOTIFY_WEEKLY_SUMMARY_DAY", "sunday",
                    "NOTIFY_CHARGE_CHECK_FROM", "04:15")));
    assertThat(good.dailySummaryAt()).contains(LocalTime.of(7, 30));
    assertThat(good.weeklySummaryDay()).contains(DayOfWeek.SUNDAY);
    assertThat(good.chargeCheckFrom()).isEqualTo(LocalTime.of(4, 15));
    assertThat(WatchSettings.from(new Variables(Map.of())).dailySummaryAt()).isEmpty();

    var variables =
        new Variables(
            Map.of(
                "NOTIFY_DAILY_SUMMARY_AT", "25:00",
                "NOTIFY_WEEKLY_SUMMARY_DAY", "someday",
                "NOTIFY_CHARGE_CHECK_FROM", "07:00",
                "NOTIFY_API_SILENT_MINUTES", "0"));
    WatchSettings.from(variables);
    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "NOTIFY_DAILY_SUMMARY_AT=25:00: expected a time such as 21:00",
            "NOTIFY_WEEKLY_SUMMARY_DAY=someday: expected a day such as SUNDAY (or empty for no"
                + " weekly summary)",
            "NOTIFY_CHARGE_CHECK_FROM=07:00: expected a night time from 00:00 to 05:59 such as"
                + " 03:00",
            "NOTIFY_API_SILENT_MINUTES=0: expected minutes of silence 1-1440");
  }
}
