package fr.marstek.automation.device.modbus;

import static fr.marstek.automation.device.modbus.Register.Confidence.HIGH;
import static fr.marstek.automation.device.modbus.Register.Confidence.MEDIUM;
import static fr.marstek.automation.device.modbus.Register.Encoding.ASCII;
import static fr.marstek.automation.device.modbus.Register.Encoding.S16;
import static fr.marstek.automation.device.modbus.Register.Encoding.S32;
import static fr.marstek.automation.device.modbus.Register.Encoding.U16;
import static fr.marstek.automation.device.modbus.Register.Encoding.U32;

import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.modbus.Register.Confidence;
import fr.marstek.automation.device.modbus.Register.Encoding;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every register this client touches, per profile, as data: one table per profile, taken from
 * {@code shared/spec/marstek-modbus.md} with the confidence it gives. Only registers tagged HIGH
 * are ever written ({@code RegisterMapTest} holds that); persistent (EEPROM) registers are written
 * only on change. Nothing here is read that the spec marks as missing on that base: an undefined
 * address can stall the stack or drop the connection.
 */
record RegisterMap(
    ModbusProfile profile,
    Map<Field, Register> registers,
    ModbusPacing pacing,
    double nominalCapacityWh) {

  /** What the client reads or writes, whatever address a profile keeps it at. */
  enum Field {
    /** State of charge. */
    SOC,
    /** AC power at the battery's port: + delivering to the house, − charging. */
    AC_POWER,
    /** Lifetime AC energy in, then out: adjacent, read as one block of four words. */
    CHARGED_TOTAL,
    DISCHARGED_TOTAL,
    TEMPERATURE,
    CAPACITY,
    MODEL,
    FIRMWARE,
    MAC,
    /** 42000: 21930 = external (RS485) control on. Read every cycle: control can be lost. */
    CONTROL,
    /** 42010: 0 stop, 1 force charge, 2 force discharge; obeyed only under external control. */
    FORCE_MODE,
    /** 42020 then 42021: unsigned charge and discharge setpoints in W; adjacent. */
    CHARGE_POWER,
    DISCHARGE_POWER,
    /** 43000: 0 manual, 1 self-consumption, 2 AI. Persistent; writing it ends external control. */
    WORK_MODE
  }

  /** Values the control registers take (both profiles). */
  static final int CONTROL_ON = 0x55AA;

  static final int FORCE_STOP = 0;
  static final int FORCE_CHARGE = 1;
  static final int FORCE_DISCHARGE = 2;
  static final int WORK_MANUAL = 0;
  static final int WORK_SELF_CONSUMPTION = 1;
  static final int WORK_AI = 2;

  /** 42020/42021 answer exception 3 above this. */
  static final int LARGEST_SETPOINT_W = 2500;

  RegisterMap {
    registers = Map.copyOf(registers);
  }

  Register register(Field field) {
    Register register = registers.get(field);
    if (register == null) {
      throw new IllegalStateException(field + " is not in the " + profile.setting() + " map");
    }
    return register;
  }

  Optional<Register> optional(Field field) {
    return Optional.ofNullable(registers.get(field));
  }

  static RegisterMap of(ModbusProfile profile) {
    return switch (profile) {
      case V3 -> V3;
      case V2 -> V2;
    };
  }

  // Spec section 3 (telemetry), 6 (control), 2 (transport), 10 (minimal set).
  private static final RegisterMap V3 =
      new RegisterMap(
          ModbusProfile.V3,
          table(
              row(Field.SOC, "state of charge", 34002, 1, U16, 0.1, HIGH, "VIP, FON-T, EVCC, RE"),
              row(Field.AC_POWER, "AC power", 30006, 1, S16, 1, HIGH, "VIP, OMNI, EVCC"),
              row(Field.CHARGED_TOTAL, "total charged", 33000, 2, U32, 10, HIGH, "VIP, OMNI, FON"),
              row(Field.DISCHARGED_TOTAL, "total discharged", 33002, 2, U32, 10, HIGH, "all"),
              row(Field.TEMPERATURE, "internal temperature", 35000, 1, S16, 0.1, HIGH, "all"),
              row(Field.CAPACITY, "rated energy", 32105, 1, U16, 1, HIGH, "VIP, OMNI, FON"),
              row(Field.MODEL, "device name", 31000, 10, ASCII, 1, HIGH, "VIP, OMNI, FON, RE"),
              row(Field.FIRMWARE, "EMS firmware", 30200, 1, U16, 1, HIGH, "VIP, OMNI, FON"),
              row(Field.MAC, "BLE MAC", 30304, 6, ASCII, 1, HIGH, "VIP, OMNI, FON-T"),
              row(Field.CONTROL, "external control", 42000, 1, U16, 1, HIGH, "all + RE"),
              row(Field.FORCE_MODE, "force mode", 42010, 1, U16, 1, HIGH, "all + RE"),
              row(Field.CHARGE_POWER, "charge setpoint", 42020, 1, U16, 1, HIGH, "all + RE"),
              row(Field.DISCHARGE_POWER, "discharge setpoint", 42021, 1, U16, 1, HIGH, "all"),
              row(Field.WORK_MODE, "work mode", 43000, 1, U16, 1, HIGH, "VIP, OMNI, FON, EVCC")),
          new ModbusPacing(
              Duration.ofMillis(150),
              Duration.ofSeconds(3),
              Duration.ofSeconds(1),
              Duration.ofMillis(1500)),
          5120);

  // Spec section 4: telemetry moved; control block 42000-43000 the same. No capacity register
  // whose unit the sources agree on (fw 147 used 0.01 kWh), so the nominal 5.12 kWh is used.
  private static final RegisterMap V2 =
      new RegisterMap(
          ModbusProfile.V2,
          table(
              row(Field.SOC, "state of charge", 32104, 1, U16, 1, HIGH, "VIP, OMNI, FON-E2, EVCC"),
              row(Field.AC_POWER, "AC power", 32202, 2, S32, 1, HIGH, "VIP, OMNI, FON-E2, EVCC"),
              row(Field.CHARGED_TOTAL, "total charged", 33000, 2, U32, 10, HIGH, "VIP, OMNI, FON"),
              row(Field.DISCHARGED_TOTAL, "total discharged", 33002, 2, U32, 10, HIGH, "all"),
              row(Field.TEMPERATURE, "internal temperature", 35000, 1, S16, 0.1, HIGH, "all"),
              row(Field.MODEL, "device name", 31000, 10, ASCII, 1, HIGH, "VIP, OMNI, FON"),
              row(Field.FIRMWARE, "EMS firmware", 31101, 1, U16, 1, HIGH, "VIP, OMNI, FON-E2"),
              row(Field.MAC, "MAC", 30402, 6, ASCII, 1, MEDIUM, "VIP, OMNI"),
              row(Field.CONTROL, "external control", 42000, 1, U16, 1, HIGH, "all"),
              row(Field.FORCE_MODE, "force mode", 42010, 1, U16, 1, HIGH, "all"),
              row(Field.CHARGE_POWER, "charge setpoint", 42020, 1, U16, 1, HIGH, "all"),
              row(Field.DISCHARGE_POWER, "discharge setpoint", 42021, 1, U16, 1, HIGH, "all"),
              row(Field.WORK_MODE, "work mode", 43000, 1, U16, 1, HIGH, "VIP, OMNI, FON, EVCC")),
          new ModbusPacing(
              Duration.ofMillis(50),
              Duration.ofSeconds(5),
              Duration.ofSeconds(1),
              Duration.ofMillis(1500)),
          5120);

  private record Row(Field field, Register register) {}

  private static Row row(
      Field field,
      String name,
      int address,
      int words,
      Encoding encoding,
      double scale,
      Confidence confidence,
      String sources) {
    return new Row(field, new Register(name, address, words, encoding, scale, confidence, sources));
  }

  private static Map<Field, Register> table(Row... rows) {
    Map<Field, Register> map = new EnumMap<>(Field.class);
    for (Row row : rows) {
      if (map.put(row.field(), row.register()) != null) {
        throw new IllegalStateException("two rows for " + row.field());
      }
    }
    return map;
  }
}
