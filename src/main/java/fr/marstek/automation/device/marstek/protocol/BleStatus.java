package fr.marstek.automation.device.marstek.protocol;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@code BLE.GetStatus}: whether a phone is connected over Bluetooth. */
public record BleStatus(boolean connected, Optional<String> bleMac) {

  public static BleStatus from(JsonNode result) throws MalformedReply {
    Fields f = new Fields(result, Method.BLE_STATUS.wireName());
    return new BleStatus(
        f.text("state").map(s -> s.equalsIgnoreCase("connect")).orElse(false), f.text("ble_mac"));
  }
}
