package fr.marstek.automation.device.marstek.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One reply envelope: exactly one of {@code result} and {@code error}.
 *
 * @param src {@code <device>-<ble_mac>}, opaque except for its trailing MAC
 */
public record Reply(
    int id, Optional<String> src, Optional<JsonNode> result, Optional<RpcError> error) {

  private static final Pattern MAC_SUFFIX = Pattern.compile("([0-9a-fA-F]{12})$");

  public Reply {
    if (result.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a reply carries exactly one of result and error");
    }
  }

  /** The 12-hex BLE MAC at the end of {@code src}, lower case. */
  public Optional<String> macFromSrc() {
    return src.map(MAC_SUFFIX::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
  }

  /** The result, or a {@link MalformedReply} naming the error it carries instead. */
  public JsonNode requireResult() throws MalformedReply {
    if (result.isEmpty()) {
      throw new MalformedReply("expected a result, got " + error.orElseThrow());
    }
    return result.get();
  }
}
