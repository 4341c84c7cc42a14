package fr.marstek.automation.simulator;

import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.net.InetAddress;

/**
 * How one simulated battery looks and behaves. {@link #defaults()} is a Venus E 3.0 on firmware 150
 * with the 800 W socket limit; change single values with the {@code withX} methods.
 *
 * @param port UDP port to bind; 0 picks an ephemeral one
 * @param bleMac 12 lower-case hex digits, the device's identity
 * @param chargeLimit largest AC charge power (a positive number)
 * @param dischargeLimit largest AC discharge power (800 W socket limit or 2500 W)
 * @param efficiency one-way conversion efficiency, applied on charge and again on discharge
 * @param dod depth of discharge in %: the battery stops discharging at (100 - dod) %
 * @param seed seeds the random faults so a run can be repeated
 * @param replyToApiPort answer {@code <sender IP>:<device port>} instead of the source port (the
 *     HMG-50 firmware habit)
 */
public record SimulatorOptions(
    InetAddress bindAddress,
    int port,
    String model,
    int firmware,
    String bleMac,
    String wifiMac,
    WattHours capacity,
    Watts chargeLimit,
    Watts dischargeLimit,
    double efficiency,
    int dod,
    Percent initialSoc,
    HouseholdLoad load,
    long seed,
    boolean replyToApiPort) {

  public SimulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    requireMac("bleMac", bleMac);
    requireMac("wifiMac", wifiMac);
    if (!(capacity.value() > 0)) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    if (chargeLimit.value() < 0 || dischargeLimit.value() < 0) {
      throw new IllegalArgumentException("power limits are positive numbers");
    }
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new IllegalArgumentException("efficiency must be in (0, 1]: " + efficiency);
    }
    if (dod < 30 || dod > 88) {
      throw new IllegalArgumentException("DOD must be 30-88 %, was " + dod);
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        InetAddress.getLoopbackAddress(),
        0,
        "VenusE 3.0",
        150,
        "0123456789ab",
        "a1b2c3d4e5f6",
        WattHours.of(5120),
        Watts.of(2500),
        Watts.of(800),
        0.93,
        88,
        Percent.of(50),
        HouseholdLoad.realProfile(),
        1L,
        false);
  }

  private static void requireMac(String name, String mac) {
    if (mac == null || !mac.matches("[0-9a-f]{12}")) {
      throw new IllegalArgumentException(name + " must be 12 lower-case hex digits: " + mac);
    }
  }

  /** The lowest state of charge discharging reaches. */
  public Percent floor() {
    return Percent.of(100 - dod);
  }

  public SimulatorOptions withBindAddress(InetAddress value) {
    return new SimulatorOptions(
        value,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withPort(int value) {
    return new SimulatorOptions(
        bindAddress,
        value,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withModel(String value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        value,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withFirmware(int value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        value,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withBleMac(String value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        value,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withWifiMac(String value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        value,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withCapacity(WattHours value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        value,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withChargeLimit(Watts value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        value,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withDischargeLimit(Watts value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        value,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withEfficiency(double value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        value,
        dod,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withDod(int value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        value,
        initialSoc,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withInitialSoc(Percent value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        value,
        load,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withLoad(HouseholdLoad value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        value,
        seed,
        replyToApiPort);
  }

  public SimulatorOptions withSeed(long value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        value,
        replyToApiPort);
  }

  public SimulatorOptions withReplyToApiPort(boolean value) {
    return new SimulatorOptions(
        bindAddress,
        port,
        model,
        firmware,
        bleMac,
        wifiMac,
        capacity,
        chargeLimit,
        dischargeLimit,
        efficiency,
        dod,
        initialSoc,
        load,
        seed,
        value);
  }
}
