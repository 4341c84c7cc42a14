package fr.marstek.automation.history;

final class ColumnText {

  private ColumnText() {}

  // Columns have fixed widths on PostgreSQL; cut rather than fail a whole batch.
  static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
