package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code Bat.GetStatus}: the battery management system's view. While its link is down the firmware
 * answers zeros; a {@code rated_capacity} of 0 therefore means "no data" and every value is empty.
 *
 * @param remaining energy left in the pack
 * @param rated nominal pack energy
 */
public record BatStatus(
    Optional<Percent> soc,
    boolean chargeAllowed,
    boolean dischargeAllowed,
    Optional<Celsius> temperature,
    Optional<WattHours> remaining,
    Optional<WattHours> rated) {

  public boolean hasData() {
    return rated.isPresent();
  }

  public static BatStatus from(JsonNode result, DeviceProfile profile) throws MalformedReply {
    Fields f = new Fields(result, Method.BAT_STATUS.wireName());
    boolean charge = f.flag("charg_flag").orElse(false);
    boolean discharge = f.flag("dischrg_flag").orElse(false);
    double rated = f.numberOr("rated_capacity", 0);
    if (rated <= 0) {
      return new BatStatus(
          Optional.empty(),
          charge,
          discharge,
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    Scaling scaling = new Scaling(profile);
    var soc = f.number("soc");
    var temperature = f.number("bat_temp");
    var remaining = f.number("bat_capacity");
    return new BatStatus(
        soc.isPresent() ? Optional.of(Percents.of(soc.getAsDouble(), "soc")) : Optional.empty(),
        charge,
        discharge,
        temperature.isPresent()
            ? scaling.batteryTemperature(temperature.getAsDouble())
            : Optional.empty(),
        remaining.isPresent()
            ? Optional.of(scaling.batteryRemaining(remaining.getAsDouble()))
            : Optional.empty(),
        Optional.of(WattHours.of(rated)));
  }
}
