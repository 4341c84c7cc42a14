package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Firmware misbehaviour seen on real devices, switchable while the simulator runs; all off by
 * default. Thread-safe: the UDP loop reads these while a test flips them.
 */
public final class Faults {

  private final RandomGenerator random;
  private final SimulatedBattery battery;
  private double lossRate;
  private Duration replyDelay = Duration.ZERO;
  private Duration postReplyDeafness = Duration.ZERO;
  private boolean garbageReplies;
  private boolean apiDisabled;
  private boolean busy;
  private boolean rejectSets;
  private int rejectedSlot = -1;
  private boolean duplicateReplies;
  private boolean ignoreFirstPassive;
  private boolean passiveIgnoredOnce;
  private boolean freezeOnEmptyDatagram;
  private Optional<DeviceMode> driftTarget = Optional.empty();

  Faults(RandomGenerator random, SimulatedBattery battery) {
    this.random = random;
    this.battery = battery;
  }

  /** Drops this share (0 to 1) of incoming requests without answering, drawn from the seed. */
  public synchronized Faults lossRate(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("loss rate must be 0-1: " + share);
    }
    lossRate = share;
    return this;
  }

  /** Waits this long before each reply. */
  public synchronized Faults replyDelay(Duration delay) {
    replyDelay = requirePositiveOrZero(delay);
    return this;
  }

  /** Sends bytes that are not JSON instead of each reply. */
  public synchronized Faults garbageReplies(boolean on) {
    garbageReplies = on;
    return this;
  }

  /** The Open API is switched off: nothing is answered. */
  public synchronized Faults apiDisabled(boolean on) {
    apiDisabled = on;
    return this;
  }

  /**
   * A factory reset: back to Auto, Manual slots cleared, totals kept, and the Open API switched off
   * as a real reset leaves it (spec 2.1) until {@link #apiDisabled(boolean) apiDisabled(false)} or
   * {@link #reset()}.
   */
  public synchronized Faults resetToFactory() {
    return resetToFactory(false);
  }

  synchronized Faults resetToFactory(boolean clearTotals) {
    battery.factoryReset(clearTotals);
    apiDisabled = true;
    return this;
  }

  /** Answers every request with the "busy" parse error ({@code -32700}, id 0, data 403). */
  public synchronized Faults busy(boolean on) {
    busy = on;
    return this;
  }

  /** Answers {@code ES.SetMode} with {@code set_result:false} and changes nothing. */
  public synchronized Faults rejectSets(boolean on) {
    rejectSets = on;
    return this;
  }

  /**
   * Answers {@code ES.SetMode} writing this Manual slot with {@code set_result:false} and changes
   * nothing; other slots are written. A negative index rejects none.
   */
  public synchronized Faults rejectSlot(int index) {
    rejectedSlot = index;
    return this;
  }

  /**
   * A firmware that ends a slot written to end at 23:59 at 23:59:00, instead of running it to
   * midnight as the vendor's all-day slot 00:00-23:59 suggests (unverified either way, spec 5.3).
   */
  public synchronized Faults lastMinuteIdle(boolean on) {
    battery.lastMinuteIdle(on);
    return this;
  }

  /** Sends every reply twice, as firmware before 150 sometimes does. */
  public synchronized Faults duplicateReplies(boolean on) {
    duplicateReplies = on;
    return this;
  }

  /** Ignores whatever arrives within this time after the device sent a datagram. */
  public synchronized Faults postReplyDeafness(Duration window) {
    postReplyDeafness = requirePositiveOrZero(window);
    return this;
  }

  /** Acknowledges the first Passive command but does not apply it. */
  public synchronized Faults ignoreFirstPassive(boolean on) {
    ignoreFirstPassive = on;
    passiveIgnoredOnce = false;
    return this;
  }

  /** An empty datagram switches the Open API off (reproduced freeze, spec 2.2). */
  public synchronized Faults freezeOnEmptyDatagram(boolean on) {
    freezeOnEmptyDatagram = on;
    return this;
  }

  /** From the next request on, the battery leaves Manual or Passive for this mode by itself. */
  public synchronized Faults driftTo(DeviceMode mode) {
    if (mode == DeviceMode.PASSIVE || mode == DeviceMode.MANUAL || mode == DeviceMode.UNKNOWN) {
      throw new IllegalArgumentException("a battery drifts to Auto, AI or UPS, not " + mode);
    }
    driftTarget = Optional.of(mode);
    return this;
  }

  /** Clears every fault, including a disabled API. */
  public synchronized Faults reset() {
    lossRate = 0;
    replyDelay = Duration.ZERO;
    postReplyDeafness = Duration.ZERO;
    garbageReplies = false;
    apiDisabled = false;
    busy = false;
    rejectSets = false;
    rejectedSlot = -1;
    duplicateReplies = false;
    ignoreFirstPassive = false;
    passiveIgnoredOnce = false;
    freezeOnEmptyDatagram = false;
    driftTarget = Optional.empty();
    return this;
  }

  synchronized boolean dropsThisRequest() {
    return lossRate > 0 && random.nextDouble() < lossRate;
  }

  /** True when this Passive command should be silently ignored; counts it. */
  synchronized boolean swallowsPassive() {
    if (ignoreFirstPassive && !passiveIgnoredOnce) {
      passiveIgnoredOnce = true;
      return true;
    }
    return false;
  }

  synchronized void emptyDatagramReceived() {
    if (freezeOnEmptyDatagram) {
      apiDisabled = true;
    }
  }

  synchronized Duration replyDelay() {
    return replyDelay;
  }

  synchronized Duration postReplyDeafness() {
    return postReplyDeafness;
  }

  synchronized boolean garbageReplies() {
    return garbageReplies;
  }

  synchronized boolean apiDisabled() {
    return apiDisabled;
  }

  synchronized boolean busy() {
    return busy;
  }

  synchronized boolean rejectSets() {
    return rejectSets;
  }

  synchronized boolean rejectsSlot(int index) {
    return index == rejectedSlot;
  }

  synchronized boolean duplicateReplies() {
    return duplicateReplies;
  }

  synchronized Optional<DeviceMode> driftTarget() {
    return driftTarget;
  }

  private static Duration requirePositiveOrZero(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return duration;
  }
}
