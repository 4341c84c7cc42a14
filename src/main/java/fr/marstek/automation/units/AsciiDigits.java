package fr.marstek.automation.units;

/**
 * Whole numbers read from fixed places of a text, for the data files read by hand (the date-time
 * formatter was most of a one-off replay's start-up); a caller falls back to the formatter on -1,
 * which also says what is wrong. Written by hand: no library reads digits without a string or a
 * parse position per field.
 */
public final class AsciiDigits {

  private AsciiDigits() {}

  /**
   * The decimal number in {@code text[from, to)}; -1 when a character is not a digit or none is.
   */
  public static int of(CharSequence text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** As above over characters. */
  public static int of(char[] text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
