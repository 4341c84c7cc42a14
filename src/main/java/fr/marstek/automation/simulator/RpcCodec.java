package fr.marstek.automation.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads request datagrams and writes compact replies in the device's envelope. */
final class RpcCodec {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String src;

  RpcCodec(String src) {
    this.src = src;
  }

  /** A request the device understood well enough to answer with its id. */
  record Request(int id, String method, JsonNode params) {}

  /** Empty when the bytes are not a JSON object with a method name. */
  static Optional<Request> parse(byte[] data, int length) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(data, 0, length, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject() || !root.path("method").isString()) {
      return Optional.empty();
    }
    JsonNode id = root.path("id");
    // The firmware keeps ids as uint16; anything that is not an integer is answered as 0.
    int wireId = id.isIntegralNumber() ? (int) (id.asLong() & 0xFFFF) : 0;
    return Optional.of(new Request(wireId, root.path("method").stringValue(), root.path("params")));
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  String result(int id, ObjectNode result) {
    ObjectNode reply = envelope(id);
    reply.set("result", result);
    return JSON.writeValueAsString(reply);
  }

  String error(int id, ErrorReply error) {
    ObjectNode body = object().put("code", error.code()).put("message", error.message());
    error.data().ifPresent(data -> body.put("data", data));
    ObjectNode reply = envelope(id);
    reply.set("error", body);
    return JSON.writeValueAsString(reply);
  }

  private ObjectNode envelope(int id) {
    return object().put("id", id).put("src", src);
  }
}
