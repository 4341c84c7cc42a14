package fr.marstek.automation.device.marstek.protocol;

import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns requests into compact datagrams and datagrams into reply envelopes. */
public final class MarstekCodec {

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** Compact UTF-8 JSON, one object, no trailing newline: what the firmware accepts best. */
  public byte[] encode(int id, Request request) {
    ObjectNode root = mapper.createObjectNode();
    root.put("id", id);
    root.put("method", request.method().wireName());
    root.set("params", request.params());
    return mapper.writeValueAsBytes(root);
  }

  /** Reads one datagram; requests (such as our own echoed broadcast) are not replies. */
  public Reply parse(byte[] data, int offset, int length) throws MalformedReply {
    JsonNode root;
    try {
      root = mapper.readTree(data, offset, length);
    } catch (JacksonException e) {
      throw new MalformedReply("not JSON (" + length + " bytes)");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedReply("not a JSON object");
    }
    if (root.has("method")) {
      throw new MalformedReply("a request, not a reply");
    }
    JsonNode id = root.get("id");
    // canConvertToInt first: a 40-digit id must be refused, not overflow a long
    if (id == null
        || !id.isIntegralNumber()
        || !id.canConvertToInt()
        || id.intValue() < 0
        || id.intValue() > 0xFFFF) {
      throw new MalformedReply("reply id is not an integer 0-65535: " + id);
    }
    Optional<JsonNode> result = Optional.ofNullable(root.get("result")).filter(JsonNode::isObject);
    Optional<RpcError> error = Optional.ofNullable(root.get("error")).map(this::error);
    if (result.isPresent() == error.isPresent()) {
      throw new MalformedReply("reply needs exactly one of result and error");
    }
    Optional<String> src =
        Optional.ofNullable(root.get("src")).filter(JsonNode::isString).map(JsonNode::stringValue);
    return new Reply(id.asInt(), src, result, error);
  }

  private RpcError error(JsonNode node) {
    JsonNode data = node.get("data");
    JsonNode code = node.path("code");
    return new RpcError(
        code.isIntegralNumber() && code.canConvertToInt() ? code.intValue() : 0,
        node.path("message").asString(""),
        data != null && data.isIntegralNumber() && data.canConvertToInt()
            ? OptionalInt.of(data.intValue())
            : OptionalInt.empty());
  }
}
