package fr.marstek.automation.notify;

import fr.marstek.automation.notify.channel.Channel;
import fr.marstek.automation.notify.channel.DeliveryFailed;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.notify.channel.NoticeLevel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers queued messages on virtual threads, each channel on its own, retrying a failed send with
 * a doubling delay; the queue is bounded and offering never blocks the caller.
 */
final class NotificationDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  record Outgoing(Message message, NoticeLevel level) {}

  private volatile List<Channel> channels;
  private final BlockingQueue<Outgoing> queue;
  private final Duration firstRetry;
  private final int attempts;
  private volatile ExecutorService executor;

  NotificationDispatcher(List<Channel> channels, int queueSize, Duration firstRetry, int attempts) {
    this.channels = List.copyOf(channels);
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.firstRetry = firstRetry;
    this.attempts = attempts;
  }

  /** New notification URLs: messages taken from the queue from now on go to these. */
  void use(List<Channel> next) {
    channels = List.copyOf(next);
  }

  boolean offer(Outgoing outgoing) {
    return queue.offer(outgoing);
  }

  @Override
  public void start() {
    executor = Executors.newVirtualThreadPerTaskExecutor();
    executor.execute(this::drain);
  }

  @Override
  public void stop() {
    ExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Outgoing outgoing = queue.take();
        ExecutorService running = executor;
        if (running == null) {
          return;
        }
        for (Channel channel : channels) {
          running.execute(() -> deliver(channel, outgoing));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Channel channel, Outgoing outgoing) {
    Duration wait = firstRetry;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        channel.send(outgoing.message(), outgoing.level());
        log.debug("Notification '{}' sent to {}", outgoing.message().title(), channel.url());
        return;
      } catch (DeliveryFailed e) {
        if (attempt == attempts) {
          log.warn(
              "Notification '{}' not delivered to {} after {} attempts: {}",
              outgoing.message().title(),
              channel.url(),
              attempts,
              e.getMessage());
          return;
        }
        log.info(
            "Notification to {} failed ({}); attempt {} in {} ms",
            channel.url(),
            e.getMessage(),
            attempt + 1,
            wait.toMillis());
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    }
  }
}
