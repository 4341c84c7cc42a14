package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import tools.jackson.databind.JsonNode;

/**
 * {@code EM.GetStatus}, and the meter keys of {@code ES.GetMode} on firmware 150: what the CT or
 * smart meter reads.
 *
 * @param connected {@code ct_state} 1; it may flap
 * @param totalPower at the household meter; positive = import from the grid (usual meter
 *     convention, not proven)
 * @param inputEnergy scaled from the wire's 0.1 Wh
 * @param outputEnergy scaled from the wire's 0.1 Wh
 */
public record MeterReading(
    boolean connected,
    Watts phaseA,
    Watts phaseB,
    Watts phaseC,
    Watts totalPower,
    WattHours inputEnergy,
    WattHours outputEnergy) {

  public static MeterReading from(JsonNode result, DeviceProfile profile) throws MalformedReply {
    return from(new Fields(result, Method.EM_STATUS.wireName()), profile);
  }

  static MeterReading from(Fields f, DeviceProfile profile) throws MalformedReply {
    Scaling scaling = new Scaling(profile);
    return new MeterReading(
        f.flag("ct_state").orElse(false),
        Watts.of(f.numberOr("a_power", 0)),
        Watts.of(f.numberOr("b_power", 0)),
        Watts.of(f.numberOr("c_power", 0)),
        Watts.of(f.required("total_power")),
        scaling.meterEnergy(f.numberOr("input_energy", 0)),
        scaling.meterEnergy(f.numberOr("output_energy", 0)));
  }
}
