package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.modbus.RegisterMap.Field;
import java.nio.charset.StandardCharsets;

/** Reads fields by name through one link and decodes them as the profile's table says. */
final class RegisterReads {

  private final ModbusLink link;
  private final RegisterMap map;

  RegisterReads(ModbusLink link, RegisterMap map) {
    this.link = link;
    this.map = map;
  }

  /** The raw value of a one-word register, such as 42000. */
  int word(Field field) throws BatteryUnreachable {
    return link.read(map.register(field), 1)[0];
  }

  /** The field in the client's unit (raw times scale). */
  double value(Field field) throws BatteryUnreachable {
    Register register = map.register(field);
    return decode(register, link.read(register, register.words()), 0);
  }

  /** Two adjacent fields in one request, such as the energy totals 33000-33003. */
  double[] pair(Field first, Field second) throws BatteryUnreachable {
    Register a = map.register(first);
    Register b = map.register(second);
    if (!a.isFollowedBy(b)) {
      throw new IllegalStateException(a + " and " + b + " are not adjacent");
    }
    int[] words = link.read(a, a.words() + b.words());
    return new double[] {decode(a, words, 0), decode(b, words, a.words())};
  }

  /** Two adjacent one-word registers' raw values, such as 42020-42021. */
  int[] rawPair(Field first, Field second) throws BatteryUnreachable {
    Register a = map.register(first);
    if (!a.isFollowedBy(map.register(second))) {
      throw new IllegalStateException(first + " and " + second + " are not adjacent");
    }
    return link.read(a, 2);
  }

  String text(Field field) throws BatteryUnreachable {
    Register register = map.register(field);
    int[] words = link.read(register, register.words());
    byte[] bytes = new byte[words.length * 2];
    for (int i = 0; i < words.length; i++) {
      bytes[2 * i] = (byte) (words[i] >> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    return new String(bytes, StandardCharsets.US_ASCII).replace("\u0000", "").trim();
  }

  static double decode(Register register, int[] words, int offset) {
    long raw =
        switch (register.encoding()) {
          case U16 -> words[offset];
          case S16 -> (short) words[offset];
          case U32 -> ((long) words[offset] << 16) | words[offset + 1];
          case S32 -> (int) ((words[offset] << 16) | words[offset + 1]);
          case ASCII -> throw new IllegalArgumentException(register + " is text");
        };
    return raw * register.scale();
  }
}
