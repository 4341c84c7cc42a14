package fr.marstek.automation.notify;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.ServiceSettings;
import fr.marstek.automation.config.SettingsRule;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.history.HistoryHealth;
import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.notify.channel.Channel;
import fr.marstek.automation.notify.channel.Channels;
import fr.marstek.automation.notify.channel.InvalidNotificationUrl;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.ObjectMapper;

/** Reads the notification settings and builds one channel per URL; any mistake stops start-up. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  NotifySettings notifySettings(VariableSource source) {
    Variables variables = source.variables();
    NotifySettings settings = NotifySettings.from(variables);
    variables.check();
    return settings;
  }

  /** The channels, built once for both the dispatcher and the test route. */
  record ConfiguredChannels(List<Channel> all) {}

  @Bean
  ConfiguredChannels configuredChannels(
      NotifySettings settings, ServiceSettings service, ObjectMapper json) {
    List<Channel> channels =
        channels(service.notificationUrls(), new Channels(settings.channels(), json));
    log.info(
        "Notifications to {} URL(s): {}",
        channels.size(),
        channels.stream().map(c -> c.url().toString()).toList());
    return new ConfiguredChannels(List.copyOf(channels));
  }

  @Bean
  NotificationDispatcher notificationDispatcher(
      NotifySettings settings, ConfiguredChannels channels) {
    return new NotificationDispatcher(
        channels.all(), settings.queueSize(), settings.firstRetry(), settings.attempts());
  }

  @Bean
  Notifications notifications(
      NotifySettings settings,
      ConfiguredChannels channels,
      NotificationDispatcher dispatcher,
      InstantSource clock) {
    return new Notifications(
        settings, channels.all(), new NoticeGate(clock, settings.maxPerHour()), dispatcher);
  }

  /** The same checks for a change made at run time, every URL through the real channel factory. */
  @Bean
  SettingsRule notificationSettingsRule(ObjectMapper json) {
    return variables -> {
      NotifySettings settings = NotifySettings.from(variables);
      channels(
          ServiceSettings.from(variables).notificationUrls(),
          new Channels(settings.channels(), json));
    };
  }

  /** New notification URLs from the Settings page: the channels are built again. */
  @Bean
  NotificationUrlsReload notificationUrlsReload(
      VariableSource source, Notifications notifications, ObjectMapper json) {
    return new NotificationUrlsReload(source, notifications, json);
  }

  @Bean
  ControlNotices controlNotices(Notifications notifications) {
    return new ControlNotices(notifications);
  }

  @Bean
  WatchSettings watchSettings(VariableSource source) {
    Variables variables = source.variables();
    WatchSettings settings = WatchSettings.from(variables);
    variables.check();
    return settings;
  }

  @Bean
  BatteryWatch batteryWatch(Notifications notifications, WatchSettings settings) {
    return new BatteryWatch(notifications, settings);
  }

  /** The watches whose subject is wired in this service; a missing module means no watch. */
  @Bean
  Watches notificationWatches(
      Notifications notifications,
      WatchSettings settings,
      BatteryWatch batteries,
      ObjectProvider<Automation> automation,
      ObjectProvider<FleetObserver> observer,
      ObjectProvider<TempoColours> colours,
      ObjectProvider<Tariff> tariff,
      ObjectProvider<SavingsTotals> savings,
      ObjectProvider<HistoryHealth> historyHealth,
      InstantSource clock,
      TaskScheduler scheduler) {
    var fleet =
        new FleetLook(
            Optional.ofNullable(automation.getIfUnique()),
            Optional.ofNullable(observer.getIfUnique()));
    List<Watch> watches = new ArrayList<>();
    watches.add(batteries);
    watches.add(new NightChargeWatch(notifications, settings, fleet));
    // Tempo's colours and the live tariff over them are wired together (tariff.tempo.provider)
    colours.ifUnique(
        c ->
            tariff.ifUnique(
                t -> watches.add(new TempoWatch(notifications, settings, c, t, fleet))));
    historyHealth.ifUnique(h -> watches.add(new DatabaseWatch(notifications, h)));
    savings.ifUnique(s -> watches.add(new Summaries(notifications, settings, s)));
    return new Watches(watches, clock, scheduler);
  }

  static List<Channel> channels(List<String> urls, Channels factory) {
    List<Channel> channels = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      try {
        channels.add(factory.create(urls.get(i)));
      } catch (InvalidNotificationUrl e) {
        problems.add("NOTIFICATION_URLS entry " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration(problems);
    }
    return channels;
  }
}
