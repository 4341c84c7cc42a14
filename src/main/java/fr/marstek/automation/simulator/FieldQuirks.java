package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The misbehaviour owners of real batteries reported (field notes 1 #12-14, 5), switchable one by
 * one and each counted when the simulated battery is made to show it. All are off by default.
 */
public final class FieldQuirks {

  /** A quirk, counted each time it fires. */
  public enum Quirk {
    /** On reset-prone firmware, an ES.GetMode soon after an ES.SetMode reverts the mode later. */
    MODE_READ_REVERT,
    /** On reset-prone firmware, Bat.GetStatus resets the battery to factory settings. */
    BAT_STATUS_RESET,
    /** Too many requests in an hour switch the Open API off for hours. */
    RATE_SHUTDOWN,
    /** A Passive setpoint is dropped minutes after it was acknowledged. */
    PASSIVE_DROPPED
  }

  /** Firmware from which the resets stopped (Venus E 3.0 150, field notes 4). */
  static final int FIRST_SAFE_FIRMWARE = 150;

  static final Duration MODE_READ_WINDOW = Duration.ofSeconds(10);
  static final Duration REVERT_AFTER = Duration.ofSeconds(75); // reports say 60-90 s

  private final InstantSource clock;
  private final int firmware;
  private final Map<Quirk, Integer> fired = new EnumMap<>(Quirk.class);
  private final Deque<Instant> lastHour = new ArrayDeque<>();
  private boolean modeReadRevert;
  private boolean batStatusResets;
  private int rateLimitPerHour;
  private Duration apiOffFor = Duration.ofHours(4);
  private Duration passiveDroppedAfter;
  private boolean integerModes;
  private Instant lastSet = Instant.MIN;
  private Instant revertAt = Instant.MAX;
  private Instant passiveSince = Instant.MAX;
  private Instant apiOffUntil = Instant.MIN;

  FieldQuirks(InstantSource clock, int firmware) {
    this.clock = clock;
    this.firmware = firmware;
  }

  public synchronized FieldQuirks modeReadRevert(boolean on) {
    modeReadRevert = on;
    return this;
  }

  public synchronized FieldQuirks batStatusResets(boolean on) {
    batStatusResets = on;
    return this;
  }

  /** More than {@code perHour} requests in any hour switch the API off for {@code offFor}. */
  public synchronized FieldQuirks rateShutdown(int perHour, Duration offFor) {
    rateLimitPerHour = perHour;
    apiOffFor = offFor;
    return this;
  }

  public synchronized FieldQuirks passiveDroppedAfter(Duration after) {
    passiveDroppedAfter = after;
    return this;
  }

  /** ES.GetMode answers 0-4 instead of the mode's name. */
  public synchronized FieldQuirks integerModes(boolean on) {
    integerModes = on;
    return this;
  }

  synchronized boolean integerModes() {
    return integerModes;
  }

  /** How many times the quirk fired. */
  public synchronized int fired(Quirk quirk) {
    return fired.getOrDefault(quirk, 0);
  }

  private boolean resetProne() {
    return firmware < FIRST_SAFE_FIRMWARE;
  }

  private void fire(Quirk quirk) {
    fired.merge(quirk, 1, Integer::sum);
  }

  /** Whether the API answers at all now: false while a rate shutdown lasts. */
  synchronized boolean answers() {
    Instant now = clock.instant();
    if (now.isBefore(apiOffUntil)) {
      return false;
    }
    if (rateLimitPerHour > 0) {
      lastHour.addLast(now);
      while (lastHour.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
        lastHour.removeFirst();
      }
      if (lastHour.size() > rateLimitPerHour) {
        fire(Quirk.RATE_SHUTDOWN);
        apiOffUntil = now.plus(apiOffFor);
        lastHour.clear();
        return false;
      }
    }
    return true;
  }

  /**
   * Called for each request about to be answered.
   *
   * @return true when the request resets the battery to factory settings
   */
  synchronized boolean onRequest(String method, DeviceMode modeNow) {
    Instant now = clock.instant();
    switch (method) {
      case "ES.SetMode" -> lastSet = now;
      case "ES.GetMode" -> {
        if (modeReadRevert && resetProne() && now.isBefore(lastSet.plus(MODE_READ_WINDOW))) {
          fire(Quirk.MODE_READ_REVERT);
          revertAt = now.plus(REVERT_AFTER);
        }
      }
      case "Bat.GetStatus" -> {
        if (batStatusResets && resetProne()) {
          fire(Quirk.BAT_STATUS_RESET);
          return true;
        }
      }
      default -> {}
    }
    return false;
  }

  /** A mode was set; a Passive one starts the clock of its silent drop. */
  synchronized void modeSet(DeviceMode mode) {
    passiveSince = mode == DeviceMode.PASSIVE ? clock.instant() : Instant.MAX;
  }

  /** The mode the battery falls back to now by a quirk, if any. */
  synchronized Optional<DeviceMode> fallBack(DeviceMode modeNow) {
    Instant now = clock.instant();
    if (!now.isBefore(revertAt)) {
      revertAt = Instant.MAX;
      return Optional.of(DeviceMode.AUTO);
    }
    if (passiveDroppedAfter != null
        && modeNow == DeviceMode.PASSIVE
        && !passiveSince.equals(Instant.MAX)
        && !now.isBefore(passiveSince.plus(passiveDroppedAfter))) {
      passiveSince = Instant.MAX;
      fire(Quirk.PASSIVE_DROPPED);
      return Optional.of(DeviceMode.AUTO);
    }
    return Optional.empty();
  }
}
