package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.ModeChanged;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the Now page's cards, totals and alerts to every open page as server-sent events when
 * control reports a change; sends happen on virtual threads so a slow browser never delays a poll.
 */
@Component
class LiveUpdates implements SmartLifecycle {

  static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

  private final Map<SseEmitter, Locale> listeners = new ConcurrentHashMap<>();
  private final FleetNow now;
  private final PageFactory pages;
  private final TemplateEngine templates;
  private volatile ExecutorService senders;

  LiveUpdates(FleetNow now, PageFactory pages, TemplateEngine templates) {
    this.now = now;
    this.pages = pages;
    this.templates = templates;
  }

  SseEmitter subscribe(Locale locale) {
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    emitter.onCompletion(() -> listeners.remove(emitter));
    emitter.onTimeout(() -> listeners.remove(emitter));
    emitter.onError(e -> listeners.remove(emitter));
    listeners.put(emitter, locale);
    catchUp(emitter, locale);
    return emitter;
  }

  /**
   * A page that connects, or reconnects after a dropped stream, gets the current state at once
   * rather than at the next poll (up to 30 s later); this also opens the stream in the browser,
   * which otherwise sees no response until the first event.
   */
  private void catchUp(SseEmitter emitter, Locale locale) {
    ExecutorService executor = senders;
    if (executor == null) {
      return;
    }
    executor.execute(
        () -> {
          List<BatteryCard> cards = now.cards();
          TempoPanel tempo = now.tempo();
          send(emitter, render(locale, cards, now.summary(cards, tempo), tempo));
        });
  }

  @EventListener
  void on(BatteryStatusObserved observed) {
    publish();
  }

  @EventListener
  void on(ModeChanged changed) {
    publish();
  }

  @EventListener
  void on(BatteryWentOffline offline) {
    publish();
  }

  @EventListener
  void on(BatteryCameBack back) {
    publish();
  }

  @EventListener
  void on(BatteryDrifted drifted) {
    publish();
  }

  private void publish() {
    ExecutorService executor = senders;
    if (executor == null || listeners.isEmpty()) {
      return;
    }
    executor.execute(this::sendAll);
  }

  private void sendAll() {
    List<BatteryCard> cards = now.cards();
    TempoPanel tempo = now.tempo();
    FleetSummary summary = now.summary(cards, tempo);
    Map<Locale, List<Fragment>> rendered = new HashMap<>();
    listeners.forEach(
        (emitter, locale) -> {
          var fragments = rendered.computeIfAbsent(locale, l -> render(l, cards, summary, tempo));
          send(emitter, fragments);
        });
  }

  private List<Fragment> render(
      Locale locale, List<BatteryCard> cards, FleetSummary summary, TempoPanel tempo) {
    Texts t = pages.texts(locale);
    var fragments = new java.util.ArrayList<Fragment>();
    for (BatteryCard card : cards) {
      fragments.add(
          new Fragment("card-" + card.id(), html("card.jte", Map.of("t", t, "card", card))));
    }
    fragments.add(new Fragment("summary", html("summary.jte", Map.of("t", t, "summary", summary))));
    fragments.add(new Fragment("tempo", html("tempo.jte", Map.of("t", t, "tempo", tempo))));
    return fragments;
  }

  private String html(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    // an event's data is one line here; HTML does not care
    return out.toString().replace('\n', ' ').replace('\r', ' ');
  }

  private void send(SseEmitter emitter, List<Fragment> fragments) {
    try {
      for (Fragment f : fragments) {
        emitter.send(SseEmitter.event().name(f.name()).data(f.html()));
      }
    } catch (IOException | IllegalStateException e) {
      // The page went away. Tomcat ends the request itself (Spring's ResponseBodyEmitter javadoc):
      // completing it here as well races that error dispatch and throws from this thread.
      listeners.remove(emitter);
    }
  }

  private record Fragment(String name, String html) {}

  @Override
  public void start() {
    senders = Executors.newVirtualThreadPerTaskExecutor();
  }

  /** Ends every stream first, so a graceful shutdown does not wait for open pages. */
  @Override
  public void stop() {
    listeners.keySet().forEach(SseEmitter::complete);
    listeners.clear();
    ExecutorService executor = senders;
    senders = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return senders != null;
  }
}
