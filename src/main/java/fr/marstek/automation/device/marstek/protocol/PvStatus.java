package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.Watts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code PV.GetStatus} (Venus A/D): one channel in the Rev 1.0 shape, four on real devices.
 *
 * @param channels numbered from 1
 */
public record PvStatus(List<PvChannel> channels) {

  public PvStatus {
    channels = List.copyOf(channels);
  }

  public Watts totalPower() {
    return channels.stream().map(PvChannel::power).reduce(Watts.ZERO, Watts::plus);
  }

  /**
   * One solar input.
   *
   * @param voltage volts; integers on the wire
   * @param current amperes; integers on the wire, so below 1 A reads 0
   */
  public record PvChannel(
      int number,
      Watts power,
      Optional<Double> voltage,
      Optional<Double> current,
      Optional<Boolean> working) {}

  public static PvStatus from(JsonNode result, DeviceProfile profile) throws MalformedReply {
    Fields f = new Fields(result, Method.PV_STATUS.wireName());
    Scaling scaling = new Scaling(profile);
    List<PvChannel> channels = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      var power = f.number("pv" + n + "_power");
      if (power.isPresent()) {
        Watts watts =
            n == 1 ? scaling.pv1Power(power.getAsDouble()) : Watts.of(power.getAsDouble());
        channels.add(channel(f, n, watts, "pv" + n + "_", "pv" + n + "_state"));
      }
    }
    if (channels.isEmpty()) {
      var power = f.number("pv_power");
      if (power.isEmpty()) {
        throw new MalformedReply("PV.GetStatus result has neither pv_power nor pv1_power");
      }
      channels.add(channel(f, 1, Watts.of(power.getAsDouble()), "pv_", "PV_state"));
    }
    return new PvStatus(channels);
  }

  private static PvChannel channel(Fields f, int n, Watts power, String prefix, String stateKey) {
    var voltage = f.number(prefix + "voltage");
    var current = f.number(prefix + "current");
    return new PvChannel(
        n,
        power,
        voltage.isPresent() ? Optional.of(voltage.getAsDouble()) : Optional.empty(),
        current.isPresent() ? Optional.of(current.getAsDouble()) : Optional.empty(),
        f.flag(stateKey));
  }
}
