package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns one request datagram into the reply a Venus E would send, if any. */
final class Dispatcher {

  private static final int FIRST_FIRMWARE_WITH_SYS_WRITES = 150;

  private final SimulatorOptions options;
  private final SimulatedBattery battery;
  private final Faults faults;
  private final RpcCodec codec;
  private final StatusReplies replies;
  private final SystemWrites writes;
  private final RequestLog log;
  private final FieldQuirks quirks;

  Dispatcher(
      SimulatorOptions options,
      SimulatedBattery battery,
      Faults faults,
      String ip,
      RequestLog log,
      FieldQuirks quirks) {
    this.log = log;
    this.quirks = quirks;
    this.options = options;
    this.battery = battery;
    this.faults = faults;
    this.codec = new RpcCodec(options.model() + "-" + options.bleMac());
    this.replies = new StatusReplies(options, ip);
    this.writes = new SystemWrites(battery, faults);
  }

  Optional<String> handle(byte[] data, int length) {
    if (faults.busy()) {
      return Optional.of(codec.error(0, ErrorReply.BUSY));
    }
    Optional<RpcCodec.Request> request = RpcCodec.parse(data, length);
    if (request.isEmpty()) {
      return Optional.of(codec.error(0, ErrorReply.PARSE_ERROR));
    }
    RpcCodec.Request r = request.get();
    log.record(r.method());
    if (quirks.onRequest(r.method(), battery.mode())) {
      faults.resetToFactory(); // no answer: the battery restarts with its API off
      return Optional.empty();
    }
    try {
      return dispatch(r);
    } catch (InvalidParams e) {
      return Optional.of(codec.error(r.id(), ErrorReply.INVALID_PARAMS));
    }
  }

  private Optional<String> dispatch(RpcCodec.Request r) throws InvalidParams {
    return switch (r.method()) {
      case "Marstek.GetDevice" -> isForMe(r.params()) ? ok(r, replies.device()) : Optional.empty();
      case "Wifi.GetStatus" -> ok(r, replies.wifi());
      case "BLE.GetStatus" -> ok(r, replies.ble());
      case "Bat.GetStatus" -> ok(r, replies.battery(battery.reading()));
      case "ES.GetStatus" -> ok(r, replies.energySystem(battery.reading()));
      case "ES.GetMode" -> ok(r, mode());
      case "EM.GetStatus" -> ok(r, replies.meter(battery.reading()));
      case "ES.SetMode" -> ok(r, setResult(setMode(r.params())));
      default -> {
        if (!isSystemWrite(r.method())) {
          // Covers PV.GetStatus too: a Venus E has no PV input.
          yield Optional.of(codec.error(r.id(), ErrorReply.METHOD_NOT_FOUND));
        }
        writes.perform(r.method(), r.params());
        yield ok(r, setResult(true));
      }
    };
  }

  private ObjectNode mode() {
    ObjectNode reply = replies.mode(battery.reading());
    DeviceMode mode = battery.mode();
    if (quirks.integerModes()) {
      switch (mode) {
        case AUTO -> reply.put("mode", 0);
        case AI -> reply.put("mode", 1);
        case MANUAL -> reply.put("mode", 2);
        case PASSIVE -> reply.put("mode", 3);
        case UPS -> reply.put("mode", 4);
        case UNKNOWN -> {}
      }
    }
    return reply;
  }

  private Optional<String> ok(RpcCodec.Request r, ObjectNode result) {
    return Optional.of(codec.result(r.id(), result));
  }

  private boolean isSystemWrite(String method) {
    return SystemWrites.METHODS.contains(method)
        && options.firmware() >= FIRST_FIRMWARE_WITH_SYS_WRITES;
  }

  private boolean setMode(JsonNode params) throws InvalidParams {
    SetModeRequest request = SetModeRequest.parse(params);
    if (faults.rejectSets() || request.slotIndex().filter(faults::rejectsSlot).isPresent()) {
      return false;
    }
    if (!(request.isPassive() && faults.swallowsPassive())) {
      request.applyTo(battery);
      quirks.modeSet(battery.mode());
    }
    return true;
  }

  // A GetDevice naming another battery's MAC is left to that battery (assumption, spec 3.1).
  private boolean isForMe(JsonNode params) {
    String wanted = params.path("ble_mac").asString("0");
    return wanted.equals("0") || wanted.equalsIgnoreCase(options.bleMac());
  }

  private static ObjectNode setResult(boolean accepted) {
    return RpcCodec.object().put("id", 0).put("set_result", accepted);
  }
}
