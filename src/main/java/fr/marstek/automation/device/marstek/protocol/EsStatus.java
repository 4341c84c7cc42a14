package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code ES.GetStatus}: the energy system summary polled every cycle.
 *
 * @param ratedCapacity {@code bat_cap}: the nominal pack, empty while the BMS reports 0
 * @param ongridPower negative while the battery charges from AC, positive while it delivers
 * @param batteryPower {@code bat_power}, absent on current firmware and of disputed sign
 * @param gridOutputTotal lifetime AC energy delivered by the battery
 * @param gridInputTotal lifetime AC energy taken by the battery
 */
public record EsStatus(
    Percent soc,
    Optional<WattHours> ratedCapacity,
    Watts pvPower,
    Watts ongridPower,
    Watts offgridPower,
    Optional<Watts> batteryPower,
    WattHours pvTotal,
    WattHours gridOutputTotal,
    WattHours gridInputTotal,
    WattHours loadTotal) {

  public static EsStatus from(JsonNode result, DeviceProfile profile) throws MalformedReply {
    Fields f = new Fields(result, Method.ES_STATUS.wireName());
    Scaling scaling = new Scaling(profile);
    double cap = f.numberOr("bat_cap", 0);
    var batPower = f.number("bat_power");
    return new EsStatus(
        Percents.of(f.required("bat_soc"), "bat_soc"),
        cap > 0 ? Optional.of(WattHours.of(cap)) : Optional.empty(),
        Watts.of(f.numberOr("pv_power", 0)),
        Watts.of(f.required("ongrid_power")),
        Watts.of(f.numberOr("offgrid_power", 0)),
        batPower.isPresent() ? Optional.of(Watts.of(batPower.getAsDouble())) : Optional.empty(),
        scaling.totalPvEnergy(f.numberOr("total_pv_energy", 0)),
        WattHours.of(f.numberOr("total_grid_output_energy", 0)),
        WattHours.of(f.numberOr("total_grid_input_energy", 0)),
        WattHours.of(f.numberOr("total_load_energy", 0)));
  }
}
