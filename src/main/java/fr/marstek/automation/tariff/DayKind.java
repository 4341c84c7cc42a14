package fr.marstek.automation.tariff;

/**
 * What kind of day a tariff day is, when its prices depend on it: for Tempo its colour, for a plain
 * peak/off-peak contract one kind for every day. A day's kind may be published only the day before
 * (Tempo); until then {@link Tariff#kindOf} is empty.
 */
public interface DayKind {

  /** A stable name such as {@code RED}; the catalogue's word for it is {@code colour.word.NAME}. */
  String name();

  /**
   * A rare day of critical-peak pricing (Tempo's red days): its peak costs several times any other,
   * so a forecast that falls short there costs most.
   */
  boolean isCritical();
}
