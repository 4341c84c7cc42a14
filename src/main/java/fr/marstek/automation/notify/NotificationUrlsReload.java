package fr.marstek.automation.notify;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.ServiceSettings;
import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.notify.channel.Channel;
import fr.marstek.automation.notify.channel.Channels;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.ObjectMapper;

/** Builds the channels again when {@code NOTIFICATION_URLS} changed at run time. */
final class NotificationUrlsReload {

  private static final Logger log = LoggerFactory.getLogger(NotificationUrlsReload.class);

  private final VariableSource source;
  private final Notifications notifications;
  private final ObjectMapper json;

  NotificationUrlsReload(VariableSource source, Notifications notifications, ObjectMapper json) {
    this.source = source;
    this.notifications = notifications;
    this.json = json;
  }

  @EventListener
  void on(SettingsChanged changed) {
    if (!changed.touches("NOTIFICATION_URLS")) {
      return;
    }
    try {
      Variables variables = source.variables();
      NotifySettings settings = NotifySettings.from(variables);
      List<String> urls = ServiceSettings.from(variables).notificationUrls();
      variables.check();
      List<Channel> channels =
          NotificationConfiguration.channels(urls, new Channels(settings.channels(), json));
      notifications.use(channels);
      log.info(
          "Notifications to {} URL(s): {}",
          channels.size(),
          channels.stream().map(c -> c.url().toString()).toList());
    } catch (InvalidConfiguration e) {
      // The settings feature checked them before storing; keep what works rather than stop.
      log.warn("Notifications keep their URLs: {}", e.getMessage());
    }
  }
}
