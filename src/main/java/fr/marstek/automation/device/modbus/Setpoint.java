package fr.marstek.automation.device.modbus;

import fr.marstek.automation.units.Watts;

/**
 * What the force registers hold: 42010 (0 stop, 1 charge, 2 discharge) and the unsigned 42020
 * (charge) and 42021 (discharge) powers in W.
 */
record Setpoint(int forceMode, int chargeW, int dischargeW) {

  static final Setpoint STOP = new Setpoint(RegisterMap.FORCE_STOP, 0, 0);

  /** From a device-convention power: negative charges from AC, positive discharges. */
  static Setpoint of(Watts power) {
    int watts = (int) Math.round(power.value());
    if (watts < 0) {
      return new Setpoint(RegisterMap.FORCE_CHARGE, -watts, 0);
    }
    if (watts > 0) {
      return new Setpoint(RegisterMap.FORCE_DISCHARGE, 0, watts);
    }
    return STOP;
  }

  /** Whether the battery echoes what was written, within the lag a v3 shows (spec 7.2). */
  boolean echoedBy(int forceRead, int chargeRead, int dischargeRead) {
    return forceRead == forceMode && close(chargeRead, chargeW) && close(dischargeRead, dischargeW);
  }

  private static boolean close(int read, int written) {
    return Math.abs(read - written) <= Math.max(100, written / 10);
  }
}
