package fr.marstek.automation.control;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The control cycle once it exists, for the observer's poll threads, which start before the context
 * has created it: asking the context for it from a poll thread would create the bean there, beside
 * the main thread's start-up, and fail (a start-up that fails, say on a busy port, then logged a
 * bean-creation stack trace from the poll thread).
 */
final class CycleHandle {

  private final AtomicReference<ControlCycle> cycle = new AtomicReference<>();

  void set(ControlCycle value) {
    cycle.set(value);
  }

  /** The cycle, or null while the context is still creating it. */
  ControlCycle orNull() {
    return cycle.get();
  }
}
