package fr.marstek.automation.device.marstek;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids 1..65535 wrapping to 1: the firmware stores them as uint16 and 0 means "unparsed".
 */
final class RequestIds {

  static final int LARGEST = 0xFFFF;

  private final AtomicInteger last;

  RequestIds() {
    this(0);
  }

  RequestIds(int last) {
    this.last = new AtomicInteger(last);
  }

  int next() {
    return last.updateAndGet(id -> id >= LARGEST || id < 0 ? 1 : id + 1);
  }
}
