package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.modbus.RegisterMap.Field;

/**
 * The battery's external (RS485) control, which this client treats as a lease that can be lost at
 * any time (reboot, a work-mode write, the app): the force command is obeyed only while 42000 reads
 * 21930, and writes are acknowledged even when it does not, so every write is read back. Sequence
 * from spec 7.2: enable, wait, read back; powers before the mode; hand back with 43000. Not
 * thread-safe; {@link ModbusBattery} guards it.
 */
final class ExternalControl {

  private final ModbusLink link;
  private final RegisterReads reads;
  private final RegisterMap map;
  private boolean held;
  private Setpoint written; // null: unknown, so every register is written next time

  ExternalControl(ModbusLink link, RegisterMap map) {
    this.link = link;
    this.reads = new RegisterReads(link, map);
    this.map = map;
  }

  /** What the last read of 42000 said. */
  boolean held() {
    return held;
  }

  /** Reads 42000: the one register that tells whether the force command is obeyed. */
  boolean refresh() throws BatteryUnreachable {
    held = reads.word(Field.CONTROL) == RegisterMap.CONTROL_ON;
    if (!held) {
      written = null; // RAM setpoints are zero after a reboot: assume nothing
    }
    return held;
  }

  /** Turns external control on unless it is; only a fresh connection restores it on some v3. */
  void take() throws BatteryUnreachable, CommandRejected {
    if (refresh()) {
      return;
    }
    for (int attempt = 1; attempt <= 2; attempt++) {
      if (attempt == 2) {
        link.close();
      }
      link.write(map.register(Field.CONTROL), RegisterMap.CONTROL_ON);
      link.settle();
      if (refresh()) {
        return;
      }
    }
    throw new CommandRejected(
        "external control was not enabled: 42000 does not read 21930 after it was written twice,"
            + " the second time on a fresh connection");
  }

  /** Writes what differs from the last verified setpoint, then reads all three back. */
  void hold(Setpoint target) throws BatteryUnreachable, CommandRejected {
    if (target.equals(written)) {
      return;
    }
    Setpoint before = written;
    // Powers before the mode, the opposite direction first, so it never runs at a stale power.
    if (target.forceMode() == RegisterMap.FORCE_CHARGE) {
      write(Field.DISCHARGE_POWER, target.dischargeW(), before == null ? -1 : before.dischargeW());
      write(Field.CHARGE_POWER, target.chargeW(), before == null ? -1 : before.chargeW());
    } else {
      write(Field.CHARGE_POWER, target.chargeW(), before == null ? -1 : before.chargeW());
      write(Field.DISCHARGE_POWER, target.dischargeW(), before == null ? -1 : before.dischargeW());
    }
    write(Field.FORCE_MODE, target.forceMode(), before == null ? -1 : before.forceMode());
    link.settle();
    int force = reads.word(Field.FORCE_MODE);
    int[] powers = reads.rawPair(Field.CHARGE_POWER, Field.DISCHARGE_POWER);
    if (!target.echoedBy(force, powers[0], powers[1])) {
      written = null;
      throw new CommandRejected(
          "the battery reads back force mode "
              + force
              + ", charge "
              + powers[0]
              + " W, discharge "
              + powers[1]
              + " W after "
              + target.forceMode()
              + ", "
              + target.chargeW()
              + " W, "
              + target.dischargeW()
              + " W were written");
    }
    written = target;
  }

  /**
   * Ends external control by writing the work mode (persistent: written only when it changes
   * something), after stopping the force command so that no stale setpoint survives into the next
   * time control is taken.
   */
  void handBack(int workMode) throws BatteryUnreachable, CommandRejected {
    boolean wasHeld = refresh();
    if (wasHeld) {
      link.write(map.register(Field.FORCE_MODE), RegisterMap.FORCE_STOP);
    }
    if (wasHeld || reads.word(Field.WORK_MODE) != workMode) {
      link.write(map.register(Field.WORK_MODE), workMode);
      link.settle();
    }
    written = null;
    if (refresh()) {
      throw new CommandRejected("the battery kept external control after 43000 was written");
    }
    int read = reads.word(Field.WORK_MODE);
    // After 2 (AI) is written, 43000 reads 1 on real firmware (spec 6, "shadow state").
    boolean echoed =
        read == workMode
            || (workMode == RegisterMap.WORK_AI && read == RegisterMap.WORK_SELF_CONSUMPTION);
    if (!echoed) {
      throw new CommandRejected("43000 reads " + read + " after " + workMode + " was written");
    }
  }

  private void write(Field field, int value, int known) throws BatteryUnreachable {
    if (value != known) {
      link.write(map.register(field), value);
    }
  }
}
