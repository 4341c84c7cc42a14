package fr.marstek.automation.device.modbus;

/**
 * One holding register (or a run of them) as the Modbus spec gives it: address (PDU address equals
 * the register number), width, encoding, scale to our unit, and how sure the sources are.
 *
 * @param scale multiply the raw value by this to get the unit the client uses (W, Wh, %, 0.1 °C...)
 * @param sources the spec's source keys that agree on it
 */
record Register(
    String name,
    int address,
    int words,
    Encoding encoding,
    double scale,
    Confidence confidence,
    String sources) {

  /** How the words are read: 32-bit values are big-endian words, high word first. */
  enum Encoding {
    U16,
    S16,
    U32,
    S32,
    /** Two characters per word, high byte first, NUL-padded. */
    ASCII
  }

  /** The spec's tags: H three or more sources (one on hardware), M two, L one or disputed. */
  enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }

  Register {
    if (address < 0 || address > 0xFFFF || words < 1 || words > 32) {
      throw new IllegalArgumentException("bad register " + name + " at " + address);
    }
  }

  /** Whether {@code other} starts right after this one, so both can be read in one request. */
  boolean isFollowedBy(Register other) {
    return address + words == other.address;
  }

  @Override
  public String toString() {
    return address + " (" + name + ")";
  }
}
