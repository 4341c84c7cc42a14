package fr.marstek.automation.control;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The automation once it exists, for the observer's poll threads, which start before the context
 * has created it: asking the context for it from a poll thread would create the bean there, beside
 * the main thread's start-up, and fail (a start-up that fails, say on a busy port, then logged a
 * bean-creation stack trace from the poll thread).
 */
final class AutomationHandle {

  private final AtomicReference<Automation> automation = new AtomicReference<>();

  void set(Automation value) {
    automation.set(value);
  }

  /** The automation, or null while the context is still creating it. */
  Automation orNull() {
    return automation.get();
  }
}
