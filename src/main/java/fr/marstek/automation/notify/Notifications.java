package fr.marstek.automation.notify;

import fr.marstek.automation.notify.channel.Channel;
import fr.marstek.automation.notify.channel.DeliveryFailed;
import fr.marstek.automation.notify.channel.MaskedUrl;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.notify.channel.NoticeLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notices to every {@code NOTIFICATION_URLS} channel. {@link #send(Notice)} never blocks: it
 * filters by {@code NOTIFY_EVENTS}, drops repeats and anything past the hourly budget, and queues
 * the rest for delivery with retries.
 */
public final class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotifySettings settings;
  private volatile List<Channel> channels;
  private final NoticeGate gate;
  private final NotificationDispatcher dispatcher;

  Notifications(
      NotifySettings settings,
      List<Channel> channels,
      NoticeGate gate,
      NotificationDispatcher dispatcher) {
    this.settings = settings;
    this.channels = List.copyOf(channels);
    this.gate = gate;
    this.dispatcher = dispatcher;
  }

  /**
   * Queues the notice unless its kind is off, it repeats the last one on its subject, or the hour's
   * budget is spent.
   */
  public void send(Notice notice) {
    NoticeLevel level = settings.events().get(notice.kind());
    if (level == null || channels.isEmpty()) {
      return;
    }
    switch (gate.admit(notice)) {
      case REPEATED -> log.debug("Notice {} on {} already sent", notice.kind(), notice.subject());
      case RATE_LIMITED ->
          log.info(
              "Notice {} on {} dropped: NOTIFY_MAX_PER_HOUR={} reached",
              notice.kind(),
              notice.subject(),
              settings.maxPerHour());
      case SEND -> {
        if (!dispatcher.offer(
            new NotificationDispatcher.Outgoing(notice.in(settings.language()), level))) {
          log.warn("Notice {} on {} dropped: the queue is full", notice.kind(), notice.subject());
        }
      }
    }
  }

  /** New notification URLs (changed on the Settings page): used from the next notice on. */
  void use(List<Channel> next) {
    channels = List.copyOf(next);
    dispatcher.use(next);
  }

  /** The condition behind {@code subject} has cleared: its next notice will be sent again. */
  public void clear(String subject) {
    gate.clear(subject);
  }

  /** The configured URLs, masked. */
  public List<MaskedUrl> urls() {
    return channels.stream().map(Channel::url).toList();
  }

  /** Sends a test message to every URL now, once each, and tells how each went. */
  public List<DeliveryResult> sendTest() {
    Message message = Wording.test(settings.language());
    List<Channel> channels = this.channels;
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<DeliveryResult>> results = new ArrayList<>();
      for (Channel channel : channels) {
        results.add(executor.submit(() -> tryOnce(channel, message)));
      }
      List<DeliveryResult> done = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        done.add(outcome(channels.get(i), results.get(i)));
      }
      return done;
    }
  }

  private static DeliveryResult tryOnce(Channel channel, Message message) {
    try {
      channel.send(message, NoticeLevel.INFO);
      return new DeliveryResult(channel.url(), true, "delivered");
    } catch (DeliveryFailed e) {
      log.info("Test notification to {} failed: {}", channel.url(), e.getMessage());
      return new DeliveryResult(channel.url(), false, e.getMessage());
    }
  }

  private static DeliveryResult outcome(Channel channel, Future<DeliveryResult> result) {
    try {
      return result.get();
    } catch (ExecutionException e) {
      return new DeliveryResult(
          channel.url(), false, "failed (" + e.getCause().getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult(channel.url(), false, "interrupted");
    }
  }
}
