package fr.marstek.automation.device.marstek.protocol;

import tools.jackson.databind.JsonNode;

/** The reply to a write: {@code set_result} true when accepted (not yet applied). */
public record SetResult(boolean accepted) {

  public static SetResult from(JsonNode result) throws MalformedReply {
    Fields f = new Fields(result, Method.SET_MODE.wireName());
    return new SetResult(
        f.flag("set_result")
            .orElseThrow(() -> new MalformedReply("write result has no set_result")));
  }
}
