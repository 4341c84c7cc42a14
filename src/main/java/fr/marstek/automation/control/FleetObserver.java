package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Starts every battery's control cycle ({@link ControlCycle#run}) on its own virtual thread, one
 * dead battery never delaying the others, and does its first step: reads the battery and keeps what
 * it answered (its health). Before the cycle exists it only observes and tells.
 */
public final class FleetObserver implements SmartLifecycle {

  /** A cycle not completed for this many poll intervals counts as stalled. */
  static final int STALLED_AFTER_INTERVALS = 3;

  /**
   * The longest wait between two polls of a battery that stopped answering: an unanswering Open API
   * is asked less often, not more (owners saw APIs that shut themselves off under load).
   */
  static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  // A command polls its batteries at once (pollSoon), but not more often than this.
  static final Duration SOONEST_AGAIN = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(FleetObserver.class);

  private final Batteries batteries;
  private final ObserverSettings settings;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final TaskScheduler scheduler;
  private final Map<BatteryId, BatteryHealth> health = new ConcurrentHashMap<>();
  private final Set<BatteryId> polling = ConcurrentHashMap.newKeySet();
  private final Map<BatteryId, Instant> pollStarted = new ConcurrentHashMap<>();
  private final Map<BatteryId, Instant> backedOffUntil = new ConcurrentHashMap<>();
  // Counted in cycles, not in clock time, so that a jump of the host clock stalls nothing.
  private final Map<BatteryId, Integer> cyclesSkipped = new ConcurrentHashMap<>();
  private final ThreadFactory pollers = Thread.ofVirtual().name("poll-", 0).factory();
  private volatile ScheduledFuture<?> schedule;
  private final CycleHandle cycle;
  private final Map<BatteryId, Instant> followUps = new ConcurrentHashMap<>();
  private final Map<BatteryId, String> protocols = new ConcurrentHashMap<>();
  private final Map<BatteryId, Instant> pollSoonAt = new ConcurrentHashMap<>();

  /** An observer that only observes and tells: no control cycle (tests of the observer). */
  FleetObserver(
      Batteries batteries,
      ObserverSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      TaskScheduler scheduler) {
    this(batteries, settings, events, clock, scheduler, new CycleHandle());
  }

  /**
   * @param cycle each battery's control cycle, once control exists
   */
  FleetObserver(
      Batteries batteries,
      ObserverSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      TaskScheduler scheduler,
      CycleHandle cycle) {
    this.cycle = cycle;
    this.batteries = batteries;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.scheduler = scheduler;
    for (BatteryPort port : batteries.all()) {
      health.put(port.id(), BatteryHealth.unknown(port.id(), port.address()));
    }
  }

  /** Every battery's health, in id order. */
  public List<BatteryHealth> fleet() {
    return batteries.all().stream().map(b -> health.get(b.id())).toList();
  }

  public BatteryHealth health(BatteryId id) {
    return health.get(id);
  }

  public Duration interval() {
    return settings.interval();
  }

  /** The cycle's first step and where its read-back goes: this observer's health records. */
  Observation observation() {
    return new Observation() {
      @Override
      public Optional<BatteryStatus> observe(BatteryPort port, boolean readMeter, Outbox outbox) {
        return FleetObserver.this.observe(port, readMeter, outbox);
      }

      @Override
      public void readBack(BatteryStatus status) {
        health.computeIfPresent(
            status.id(), (id, before) -> before.answered(status, clock.instant()));
      }
    };
  }

  /**
   * Starts a cycle now, outside the schedule, for the batteries a command has just changed the
   * wishes for ({@code which}, or all): a household that forces a mode sees it applied within
   * seconds, not at the next poll (up to POLL_INTERVAL_SECONDS). At most once per battery per
   * {@link #SOONEST_AGAIN}, so that a burst of commands is not a burst of requests; a battery being
   * polled or backed off is left to its next poll. Nothing happens while the schedule is off (tests
   * that drive cycles themselves).
   *
   * @return how many polls were started
   */
  int pollSoon(Optional<BatteryId> which) {
    if (schedule == null) {
      return 0;
    }
    int started = 0;
    Instant now = clock.instant();
    for (BatteryPort port : batteries.all()) {
      BatteryId id = port.id();
      if (which.isPresent() && !which.get().equals(id)) {
        continue;
      }
      Instant last = pollSoonAt.get(id);
      boolean tooSoon =
          last != null && now.isBefore(last.plus(SOONEST_AGAIN)) && !now.isBefore(last);
      if (tooSoon || backedOff(id) || !polling.add(id)) {
        continue;
      }
      pollSoonAt.put(id, now);
      pollStarted.put(id, now);
      pollers.newThread(() -> pollAndRelease(port)).start();
      started++;
    }
    return started;
  }

  /** Polls every battery not already being polled and waits for them all: one cycle. */
  public void observeOnce() throws InterruptedException {
    List<Thread> started = launchPolls();
    for (Thread t : started) {
      t.join();
    }
  }

  private List<Thread> launchPolls() {
    List<Thread> started = new ArrayList<>();
    for (BatteryPort port : batteries.all()) {
      if (backedOff(port.id())) {
        continue;
      }
      if (!polling.add(port.id())) {
        cyclesSkipped.merge(port.id(), 1, Integer::sum); // its last cycle has not ended yet
      } else {
        cyclesSkipped.remove(port.id());
        pollStarted.put(port.id(), clock.instant());
        Thread t = pollers.newThread(() -> pollAndRelease(port));
        t.start();
        started.add(t);
      }
    }
    return started;
  }

  private boolean backedOff(BatteryId id) {
    Instant until = backedOffUntil.get(id);
    if (until == null) {
      return false;
    }
    Instant now = clock.instant();
    // A wait longer than the longest backoff means the host clock was set back: poll now.
    return now.isBefore(until) && !until.isAfter(now.plus(LONGEST_BACKOFF));
  }

  private void pollAndRelease(BatteryPort port) {
    pollAndRelease(port, false);
  }

  private void pollAndRelease(BatteryPort port, boolean followingUp) {
    try {
      poll(port, followingUp);
    } catch (RuntimeException e) {
      log.error("Bug while handling battery {}: {}", port.id(), e.toString(), e);
    } finally {
      pollStarted.remove(port.id());
      polling.remove(port.id());
    }
    try {
      scheduleFollowUp(port);
    } catch (RuntimeException e) {
      log.error(
          "Bug while planning a follow-up poll of battery {}: {}", port.id(), e.toString(), e);
    }
  }

  /** One extra poll when control asks for it before the next regular one. */
  private void scheduleFollowUp(BatteryPort port) {
    ControlCycle control = cycle.orNull();
    Optional<Instant> at = control == null ? Optional.empty() : control.followUpAt(port.id());
    if (at.isEmpty() || schedule == null || at.get().equals(followUps.get(port.id()))) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), at.get());
    if (wait.compareTo(settings.interval()) >= 0) {
      return; // the regular poll comes first
    }
    Instant when = at.get();
    followUps.put(port.id(), when);
    Duration delay = wait.isNegative() ? Duration.ZERO : wait;
    // Not kept: a superseded follow-up finds itself gone from followUps and does nothing, and the
    // poll it starts reports its own failures.
    var unused =
        scheduler.schedule(
            () -> followUpPoll(port, when), scheduler.getClock().instant().plus(delay));
  }

  private void followUpPoll(BatteryPort port, Instant when) {
    if (!followUps.remove(port.id(), when) || !polling.add(port.id())) {
      return; // superseded, or a regular poll is running and does the check
    }
    pollStarted.put(port.id(), clock.instant());
    pollers.newThread(() -> pollAndRelease(port, true)).start();
  }

  private void poll(BatteryPort port, boolean followingUp) {
    ControlCycle control = cycle.orNull();
    if (control != null) {
      control.run(port, followingUp);
      return;
    }
    Outbox outbox = new Outbox(); // control does not exist yet: observe and tell
    observe(port, false, outbox);
    outbox.publishTo(events);
  }

  /** Reads the battery and keeps its health; tells when it goes offline or comes back. */
  private Optional<BatteryStatus> observe(BatteryPort port, boolean readMeter, Outbox outbox) {
    BatteryStatus status;
    try {
      status = port.readStatus(readMeter);
    } catch (BatteryUnreachable e) {
      failed(port.id(), e.getMessage(), outbox);
      return Optional.empty();
    }
    Instant now = clock.instant();
    protocolOf(port, now, outbox);
    backedOffUntil.remove(port.id());
    BatteryHealth before = health.get(port.id());
    health.put(port.id(), before.answered(status, now));
    if (before.offlineSince().isPresent()) {
      Duration away = Duration.between(before.offlineSince().get(), now);
      log.info("Battery {} answers again after {}", port.id(), away);
      outbox.add(new BatteryCameBack(port.id(), now, away));
    }
    outbox.add(new BatteryStatusObserved(status));
    return Optional.of(status);
  }

  /** Says once when a battery answers over another protocol than before (a Modbus failover). */
  private void protocolOf(BatteryPort port, Instant now, Outbox outbox) {
    String protocol = port.protocol();
    String before = protocols.put(port.id(), protocol);
    if (before != null && !before.equals(protocol)) {
      log.warn(
          "Battery {} is now controlled over {} at {} (was {})",
          port.id(),
          protocol,
          port.address(),
          before);
      outbox.add(new BatteryProtocolSwitched(port.id(), before, protocol, port.address(), now));
    }
  }

  /** The protocol each battery last answered over. */
  public String protocol(BatteryId id) {
    return protocols.getOrDefault(
        id, batteries.find(id).map(BatteryPort::protocol).orElse("openapi"));
  }

  private void failed(BatteryId id, String reason, Outbox outbox) {
    Instant now = clock.instant();
    BatteryHealth before = health.get(id);
    BatteryHealth after = before.failed(reason, now, settings.offlineAfterFailedPolls());
    health.put(id, after);
    if (after.offlineSince().isPresent()) {
      backedOffUntil.put(id, now.plus(backoff(after.consecutiveFailures())));
    }
    if (after.offlineSince().isPresent() && before.offlineSince().isEmpty()) {
      log.info(
          "Battery {} is offline: {}; polled less often from now on (up to every {})",
          id,
          reason,
          LONGEST_BACKOFF);
      outbox.add(new BatteryWentOffline(id, after.offlineSince().orElse(now), reason));
    } else {
      log.debug("Battery {} did not answer: {}", id, reason);
    }
  }

  /**
   * One poll interval until twice the offline threshold of failed polls (a lossy link, which gets
   * through again within a few polls, is not slowed down), then doubling up to the longest.
   */
  private Duration backoff(int failures) {
    int beyond = Math.max(0, failures - 2 * settings.offlineAfterFailedPolls());
    Duration wait = settings.interval().multipliedBy(1L << Math.min(beyond, 10));
    Duration longest =
        settings.interval().compareTo(LONGEST_BACKOFF) > 0 ? settings.interval() : LONGEST_BACKOFF;
    return wait.compareTo(longest) > 0 ? longest : wait;
  }

  /**
   * Batteries whose cycle hangs: still running when {@value #STALLED_AFTER_INTERVALS} more cycles
   * were due, with when it started.
   */
  public List<ControlStall> stalls() {
    List<ControlStall> stalls = new ArrayList<>();
    cyclesSkipped.forEach(
        (id, skipped) -> {
          Instant since = pollStarted.get(id);
          if (skipped >= STALLED_AFTER_INTERVALS && since != null) {
            stalls.add(new ControlStall(id, since, "its cycle has not ended since"));
          }
        });
    return stalls;
  }

  @Override
  public void start() {
    schedule = scheduler.scheduleAtFixedRate(this::launchPolls, settings.interval());
  }

  @Override
  public void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
    schedule = null;
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }

  @Override
  public boolean isAutoStartup() {
    return settings.autoStart();
  }
}
