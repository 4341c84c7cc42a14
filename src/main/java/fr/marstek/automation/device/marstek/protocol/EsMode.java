package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code ES.GetMode}. Schedules and passive setpoints are write-only, so only the mode comes back.
 *
 * @param meter the CT keys firmware 150 adds (often all zeros); absent on firmware 144
 */
public record EsMode(
    DeviceMode mode,
    Optional<Watts> ongridPower,
    Optional<Watts> offgridPower,
    Optional<Percent> soc,
    Optional<MeterReading> meter) {

  public static EsMode from(JsonNode result, DeviceProfile profile) throws MalformedReply {
    Fields f = new Fields(result, Method.ES_MODE.wireName());
    String mode = f.text("mode").orElseThrow(() -> new MalformedReply("ES.GetMode has no mode"));
    var ongrid = f.number("ongrid_power");
    var offgrid = f.number("offgrid_power");
    var soc = f.number("bat_soc");
    return new EsMode(
        DeviceMode.fromWire(mode),
        ongrid.isPresent() ? Optional.of(Watts.of(ongrid.getAsDouble())) : Optional.empty(),
        offgrid.isPresent() ? Optional.of(Watts.of(offgrid.getAsDouble())) : Optional.empty(),
        soc.isPresent() ? Optional.of(Percents.of(soc.getAsDouble(), "bat_soc")) : Optional.empty(),
        f.has("total_power") ? Optional.of(MeterReading.from(f, profile)) : Optional.empty());
  }
}
