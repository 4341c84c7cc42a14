package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.protocol.MalformedReply;
import fr.marstek.automation.device.marstek.protocol.Reply;
import fr.marstek.automation.device.marstek.protocol.Request;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One battery's conversation: strictly one request in flight, paced after the battery's last
 * datagram, retried with backoff. Each battery has its own lock, so a silent one delays no other.
 */
final class BatteryLink {

  private static final Logger log = LoggerFactory.getLogger(BatteryLink.class);

  private record Pending(int id, CompletableFuture<Reply> reply) {}

  private final BatteryEndpoint endpoint;
  private final LocalSocket socket;
  private final TransportContext context;
  private final ReentrantLock inFlight = new ReentrantLock();
  private final Set<String> reportedMalformed = ConcurrentHashMap.newKeySet();
  private final RequestCount requests;
  private volatile Instant lastHeard = Instant.MIN;
  private volatile Instant lastSent = Instant.MIN;
  private volatile Pending pending;

  BatteryLink(BatteryEndpoint endpoint, LocalSocket socket, TransportContext context) {
    this.endpoint = endpoint;
    this.socket = socket;
    this.context = context;
    this.requests = new RequestCount(context.budgetClock());
  }

  /** The service's clock, on which how often each method may be sent is decided. */
  Instant budgetNow() {
    return context.budgetClock().instant();
  }

  /** Datagrams sent to this battery in the last hour, retries included. */
  int requestsLastHour() {
    return requests.lastHour();
  }

  BatteryEndpoint endpoint() {
    return endpoint;
  }

  int localPort() {
    return socket.port();
  }

  /**
   * Sends the request until a decodable result comes back or the attempts run out.
   *
   * @throws DeviceRefused the battery answered with an error that a retry will not change
   */
  <T> T exchange(Request request, ReplyDecoder<T> decoder)
      throws BatteryUnreachable, DeviceRefused {
    return exchange(request, decoder, context.settings().attempts(request.method().isWrite()));
  }

  /** One datagram, no retry: a probe must not add to a fragile battery's load. */
  <T> T exchangeOnce(Request request, ReplyDecoder<T> decoder)
      throws BatteryUnreachable, DeviceRefused {
    return exchange(request, decoder, 1);
  }

  /** True once any datagram came from the battery's address, even an error or a garbled one. */
  boolean everHeard() {
    return !lastHeard.equals(Instant.MIN);
  }

  private <T> T exchange(Request request, ReplyDecoder<T> decoder, int attempts)
      throws BatteryUnreachable, DeviceRefused {
    boolean write = request.method().isWrite();
    Duration timeout = context.settings().timeout(write);
    try {
      inFlight.lockInterruptibly();
      try {
        int id = context.ids().next();
        String failure = "no reply to " + request.method();
        for (int attempt = 1; attempt <= attempts; attempt++) {
          waitForTurn(attempt);
          Optional<Reply> reply = sendAndAwait(id, request, timeout);
          if (reply.isEmpty()) {
            failure = "no reply to " + request.method();
            continue;
          }
          if (reply.get().error().isPresent()) {
            var error = reply.get().error().get();
            if (reply.get().id() != id || error.isParseError()) {
              failure = request.method() + " answered busy (" + error + ")";
              continue;
            }
            throw new DeviceRefused(error);
          }
          try {
            return decoder.decode(reply.get());
          } catch (MalformedReply e) {
            reportMalformed(request.method().wireName(), e.getMessage());
            failure = "garbled reply to " + request.method() + " (" + e.getMessage() + ")";
          }
        }
        throw new BatteryUnreachable(
            failure + " after " + attempts + " attempts (" + Durations.show(timeout) + " each)");
      } finally {
        inFlight.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatteryUnreachable("interrupted while waiting for " + request.method(), e);
    }
  }

  private void waitForTurn(int attempt) throws InterruptedException {
    var settings = context.settings();
    Instant backoffEnd =
        attempt == 1
            ? Instant.MIN
            : context.clock().now().plus(settings.retryBackoff().multipliedBy(attempt - 1));
    while (true) {
      Instant earliest =
          latest(lastHeard.plus(settings.quietGap()), lastSent.plus(settings.sendGap()));
      earliest = latest(latest(earliest, backoffEnd), context.clock().now());
      context.clock().sleepUntil(context.stagger().reserve(earliest, context.clock().now()));
      // A datagram (late or duplicate) may have arrived meanwhile and restarted the quiet gap.
      if (!lastHeard.plus(settings.quietGap()).isAfter(context.clock().now())) {
        return;
      }
    }
  }

  private Optional<Reply> sendAndAwait(int id, Request request, Duration timeout)
      throws InterruptedException {
    var reply = new CompletableFuture<Reply>();
    pending = new Pending(id, reply);
    try {
      try {
        requests.sent();
        socket.send(context.codec().encode(id, request), endpoint.address());
      } catch (IOException e) {
        log.debug(
            "battery {}: sending {} failed: {}", endpoint.id(), request.method(), e.getMessage());
        return Optional.empty();
      } finally {
        lastSent = context.clock().now();
      }
      return context.clock().await(reply, timeout);
    } finally {
      pending = null;
    }
  }

  /** Called by the receiver for every datagram from this battery's address. */
  void heard(Instant at) {
    lastHeard = at;
  }

  /** Completes the request in flight when the reply belongs to it; anything else is dropped. */
  void offer(Reply reply) {
    Pending current = pending;
    boolean busyAnswer = reply.id() == 0 && reply.error().isPresent();
    if (current != null && (reply.id() == current.id() || busyAnswer)) {
      current.reply().complete(reply);
      return;
    }
    log.debug(
        "battery {}: dropped reply id {} ({})",
        endpoint.id(),
        reply.id(),
        current == null
            ? "nothing in flight: late or duplicate"
            : "waiting for id " + current.id());
  }

  void reportMalformed(String kind, String reason) {
    if (reportedMalformed.add(kind)) {
      log.warn(
          "battery {} ({}) sent a {} reply this client cannot read: {}; ignoring such replies"
              + " (logged once)",
          endpoint.id(),
          endpoint.hostAndPort(),
          kind,
          reason);
    } else {
      log.debug("battery {}: ignored malformed {} reply: {}", endpoint.id(), kind, reason);
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
