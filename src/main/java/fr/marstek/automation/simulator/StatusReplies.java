package fr.marstek.automation.simulator;

import tools.jackson.databind.node.ObjectNode;

/** The result objects of the read methods, shaped like firmware 150 (or 144 / 153 when asked). */
final class StatusReplies {

  private static final int FIRMWARE_WITH_CT_KEYS = 150;
  private static final int HMG50_FIRST_OPEN_API = 153;
  private static final String SSID = "HomeWiFi";
  private static final int RSSI = -49;

  private final SimulatorOptions options;
  private final String ip;

  StatusReplies(SimulatorOptions options, String ip) {
    this.options = options;
    this.ip = ip;
  }

  ObjectNode device() {
    ObjectNode result =
        RpcCodec.object().put("device", options.model()).put("ver", options.firmware());
    if (options.firmware() == HMG50_FIRST_OPEN_API) {
      return result.put("ip", ip);
    }
    return result
        .put("ble_mac", options.bleMac())
        .put("wifi_mac", options.wifiMac())
        .put("wifi_name", SSID)
        .put("ip", ip);
  }

  ObjectNode wifi() {
    String gateway = ip.substring(0, ip.lastIndexOf('.') + 1) + "1";
    return RpcCodec.object()
        .put("id", 0)
        .put("wifi_mac", options.wifiMac())
        .put("ssid", SSID)
        .put("rssi", RSSI)
        .put("sta_ip", ip)
        .put("sta_gate", gateway)
        .put("sta_mask", "255.255.255.0")
        .put("sta_dns", gateway);
  }

  ObjectNode ble() {
    return RpcCodec.object()
        .put("id", 0)
        .put("state", "disconnect")
        .put("ble_mac", options.bleMac());
  }

  ObjectNode battery(Reading r) {
    return RpcCodec.object()
        .put("id", 0)
        .put("soc", r.wholeSoc())
        .put("charg_flag", !r.isFull())
        .put("dischrg_flag", !r.isAtFloor())
        .put("bat_temp", Math.round(r.temperatureC() * 10) / 10.0)
        .put("bat_capacity", (double) Math.round(r.storedWh()))
        .put("rated_capacity", (double) Math.round(r.capacityWh()));
  }

  ObjectNode energySystem(Reading r) {
    return RpcCodec.object()
        .put("id", 0)
        .put("bat_soc", r.wholeSoc())
        .put("bat_cap", Math.round(r.capacityWh()))
        .put("pv_power", 0)
        .put("ongrid_power", Math.round(r.acPowerW()))
        .put("offgrid_power", 0)
        .put("total_pv_energy", 0)
        .put("total_grid_output_energy", (long) Math.floor(r.dischargedWh()))
        .put("total_grid_input_energy", (long) Math.floor(r.chargedWh()))
        .put("total_load_energy", 0);
  }

  ObjectNode mode(Reading r) {
    ObjectNode result =
        RpcCodec.object()
            .put("id", 0)
            .put("mode", r.mode().wireName())
            .put("ongrid_power", Math.round(r.acPowerW()))
            .put("offgrid_power", 0)
            .put("bat_soc", r.wholeSoc());
    if (options.firmware() < FIRMWARE_WITH_CT_KEYS) {
      return result;
    }
    // Firmware 150 carries the meter keys here but reports them as zeros (spec 4.7).
    return result
        .put("ct_state", 0)
        .put("a_power", 0)
        .put("b_power", 0)
        .put("c_power", 0)
        .put("total_power", 0)
        .put("input_energy", 0)
        .put("output_energy", 0);
  }

  ObjectNode meter(Reading r) {
    long power = Math.round(r.meterPowerW());
    return RpcCodec.object()
        .put("id", 0)
        .put("ct_state", 1)
        .put("a_power", power)
        .put("b_power", 0)
        .put("c_power", 0)
        .put("total_power", power)
        // Meter energy counters are in 0.1 Wh.
        .put("input_energy", Math.round(r.meterImportWh() * 10))
        .put("output_energy", Math.round(r.meterExportWh() * 10));
  }
}
