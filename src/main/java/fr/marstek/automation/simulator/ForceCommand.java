package fr.marstek.automation.simulator;

/**
 * The Modbus force command (42000 external control, 42010 mode, 42020/42021 powers). The powers and
 * mode are RAM: they survive control being turned off, but not a reboot; they are obeyed only while
 * control is on.
 *
 * @param forceMode 0 stop, 1 charge, 2 discharge
 */
public record ForceCommand(boolean on, int forceMode, int chargeW, int dischargeW) {

  static final ForceCommand OFF = new ForceCommand(false, 0, 0, 0);

  ForceCommand off() {
    return new ForceCommand(false, forceMode, chargeW, dischargeW);
  }

  /** The AC power asked for, device convention: negative charges. */
  double power() {
    return switch (forceMode) {
      case 1 -> -chargeW;
      case 2 -> dischargeW;
      default -> 0;
    };
  }
}
