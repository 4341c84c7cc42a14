package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusProfile;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * What a simulated Venus serves at each holding register, per profile, from the Modbus spec
 * (sections 3, 4 and 6) and independently of the client's own table, so that a wrong address on
 * either side shows in the tests. Any other address is undefined: reading it is refused.
 */
final class ModbusRegisterImage {

  static final int CONTROL = 42000;
  static final int FORCE_MODE = 42010;
  static final int CHARGE_POWER = 42020;
  static final int DISCHARGE_POWER = 42021;
  static final int WORK_MODE = 43000;
  static final int REBOOT = 41000;
  static final int CONTROL_ON = 0x55AA;
  static final int CONTROL_OFF = 0x55BB;

  private final ModbusProfile profile;
  private final SimulatorOptions options;
  private final int unit;

  ModbusRegisterImage(ModbusProfile profile, SimulatorOptions options, int unit) {
    this.profile = profile;
    this.options = options;
    this.unit = unit;
  }

  /** One consistent look at the battery: what every register of one read request is made from. */
  record Snapshot(Reading reading, ForceCommand external) {}

  OptionalInt word(int address, Snapshot s) {
    OptionalInt common = common(address, s);
    if (common.isPresent()) {
      return common;
    }
    return profile == ModbusProfile.V3 ? v3(address, s.reading()) : v2(address, s.reading());
  }

  /** 43000 as read: 1 while external control is on, and 1 after 2 (AI) was written (spec 6). */
  static int workModeRead(DeviceMode mode, boolean externalOn) {
    if (externalOn) {
      return 1;
    }
    return switch (mode) {
      case AUTO, AI -> 1;
      case MANUAL, UPS, PASSIVE, UNKNOWN -> 0;
    };
  }

  private OptionalInt common(int address, Snapshot s) {
    Reading r = s.reading();
    ForceCommand x = s.external();
    int soc = (int) Math.floor(r.socPercent() + 1e-9);
    return switch (address) {
      case 32104 -> OptionalInt.of(soc); // both bases: the spec's safe connectivity probe
      case 33000, 33001 -> u32(Math.floor(r.chargedWh() / 10), address - 33000);
      case 33002, 33003 -> u32(Math.floor(r.dischargedWh() / 10), address - 33002);
      case 35000 -> OptionalInt.of(signed(Math.round(r.temperatureC() * 10)));
      case CONTROL -> OptionalInt.of(x.on() ? CONTROL_ON : CONTROL_OFF);
      case FORCE_MODE -> OptionalInt.of(x.forceMode());
      case CHARGE_POWER -> OptionalInt.of(x.chargeW());
      case DISCHARGE_POWER -> OptionalInt.of(x.dischargeW());
      case WORK_MODE -> OptionalInt.of(workModeRead(r.mode(), x.on()));
      case 44002 -> OptionalInt.of((int) options.chargeLimit().value());
      case 44003 -> OptionalInt.of((int) options.dischargeLimit().value());
      case 41100 -> OptionalInt.of(unit);
      default -> {
        if (address >= 31000 && address < 31010) {
          yield ascii(options.model(), address - 31000);
        }
        yield OptionalInt.empty();
      }
    };
  }

  private OptionalInt v3(int address, Reading r) {
    int ac = (int) Math.round(r.acPowerW());
    return switch (address) {
      case 30001 -> OptionalInt.of(signed(-ac)); // + charging at the DC side
      case 30006 -> OptionalInt.of(signed(ac)); // + delivering AC
      case 34002 -> OptionalInt.of((int) Math.floor(r.socPercent() * 10 + 1e-9));
      case 32105 -> OptionalInt.of((int) Math.round(r.capacityWh()));
      case 30200 -> OptionalInt.of(options.firmware());
      default -> {
        if (address >= 30304 && address < 30310) {
          yield ascii(options.bleMac(), address - 30304);
        }
        yield OptionalInt.empty();
      }
    };
  }

  private OptionalInt v2(int address, Reading r) {
    long ac = Math.round(r.acPowerW());
    return switch (address) {
      case 32102, 32103 -> s32(-ac, address - 32102);
      case 32202, 32203 -> s32(ac, address - 32202);
      case 31100 -> OptionalInt.of(options.firmware());
      case 31101 -> OptionalInt.of(options.firmware());
      case 31102 -> OptionalInt.of(215);
      default -> {
        if (address >= 30402 && address < 30408) {
          yield ascii(options.bleMac(), address - 30402);
        }
        yield OptionalInt.empty();
      }
    };
  }

  private static int signed(long value) {
    return (int) (value & 0xFFFF);
  }

  private static OptionalInt u32(double value, int word) {
    long v = (long) value;
    return OptionalInt.of((int) (word == 0 ? (v >> 16) & 0xFFFF : v & 0xFFFF));
  }

  private static OptionalInt s32(long value, int word) {
    return OptionalInt.of((int) (word == 0 ? (value >> 16) & 0xFFFF : value & 0xFFFF));
  }

  private static OptionalInt ascii(String text, int word) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    int hi = 2 * word < bytes.length ? bytes[2 * word] & 0xFF : 0;
    int lo = 2 * word + 1 < bytes.length ? bytes[2 * word + 1] & 0xFF : 0;
    return OptionalInt.of((hi << 8) | lo);
  }
}
