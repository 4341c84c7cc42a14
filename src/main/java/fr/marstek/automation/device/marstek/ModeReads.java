package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.DeviceMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What mode one battery is in, read with {@code ES.GetMode} rarely: on firmware 144-148 a mode read
 * right after {@code ES.SetMode}, and even a read every minute, was followed by the battery
 * reverting its mode or resetting itself (field notes 1 #12). Between reads the mode is the last
 * one read or, after an acknowledged command, the one commanded; the power in {@code ES.GetStatus}
 * tells whether the battery follows it.
 */
final class ModeReads {

  /** At most one {@code ES.GetMode} this often (the issue allows one every 5 minutes). */
  static final Duration READ_EVERY = Duration.ofMinutes(10);

  /** A mode never read yet is tried again this often, not at every poll. */
  static final Duration RETRY_UNKNOWN = Duration.ofMinutes(5);

  /** No {@code ES.GetMode} this soon after an {@code ES.SetMode}. */
  static final Duration QUIET_AFTER_SET = Duration.ofSeconds(60);

  private DeviceMode known = DeviceMode.UNKNOWN;
  private Instant readAt = Instant.MIN;
  private Instant setAt = Instant.MIN;

  /** Whether this poll may read the mode. */
  synchronized boolean due(Instant now) {
    boolean clockWentBack = now.isBefore(readAt) || now.isBefore(setAt);
    if (clockWentBack) {
      readAt = Instant.MIN;
      setAt = Instant.MIN;
    }
    if (now.isBefore(setAt.plus(QUIET_AFTER_SET))) {
      return false;
    }
    Duration every = known == DeviceMode.UNKNOWN ? RETRY_UNKNOWN : READ_EVERY;
    return readAt.equals(Instant.MIN) || !now.isBefore(readAt.plus(every));
  }

  synchronized void read(DeviceMode mode, Instant now) {
    readAt = now;
    if (mode != DeviceMode.UNKNOWN) {
      known = mode;
    }
  }

  /** An {@code ES.SetMode} goes out: answered or not, the battery may be acting on it. */
  synchronized void sending(Instant now) {
    setAt = now;
  }

  /**
   * An acknowledged command: the battery is taken to be in its mode until a read says otherwise.
   */
  synchronized void commanded(DeviceMode mode, Instant now) {
    known = mode;
    setAt = now;
  }

  synchronized DeviceMode known() {
    return known;
  }
}
