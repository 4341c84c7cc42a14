package fr.marstek.automation.notify;

import java.time.Instant;

/** Looks at the service's state at a tick of the clock and sends what is due. */
interface Watch {

  void check(Instant now);
}
