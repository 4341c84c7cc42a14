package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.device.ModeCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request without its id, which the transport assigns per battery exchange. Build it with the
 * factories; {@code params} is never modified afterwards.
 */
public record Request(Method method, JsonNode params) {

  /** Any status method: params {@code {"id":0}}. */
  public static Request read(Method method) {
    if (method == Method.SET_MODE) {
      throw new IllegalArgumentException("ES.SetMode needs a command: use setMode");
    }
    if (method == Method.GET_DEVICE) {
      return getDevice();
    }
    return new Request(method, instanceZero());
  }

  /** {@code Marstek.GetDevice} with {@code ble_mac "0"}: every device answers. */
  public static Request getDevice() {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("ble_mac", "0");
    return new Request(Method.GET_DEVICE, params);
  }

  /** {@code ES.SetMode} for the command, refused when beyond the family's power limits. */
  public static Request setMode(ModeCommand command, Family family) throws InvalidCommand {
    ObjectNode params = instanceZero();
    params.set("config", SetModeConfig.of(command, family));
    return new Request(Method.SET_MODE, params);
  }

  private static ObjectNode instanceZero() {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("id", 0);
    return params;
  }
}
