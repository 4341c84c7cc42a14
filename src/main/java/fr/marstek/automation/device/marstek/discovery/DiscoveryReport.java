package fr.marstek.automation.device.marstek.discovery;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The table and the {@code .env} lines that {@code discover} prints. */
final class DiscoveryReport {

  private static final String ROW = "%-14s %-9s %-16s %-6s %-13s %-13s%n";

  private DiscoveryReport() {}

  static void print(List<DiscoveredBattery> found, PrintWriter out) {
    out.printf(Locale.ROOT, ROW, "MODEL", "FIRMWARE", "IP", "PORT", "BLE MAC", "WI-FI MAC");
    for (DiscoveredBattery b : found) {
      out.printf(
          Locale.ROOT,
          ROW,
          b.model(),
          b.firmware().isKnown() ? String.valueOf(b.firmware().wire()) : "?",
          b.ip(),
          b.port(),
          b.bleMac().orElse("?"),
          b.wifiMac().orElse("-"));
    }
    out.println();
    out.println("# Paste into .env:");
    int number = 1;
    for (DiscoveredBattery b : found) {
      out.println("BATTERY_" + number + "_IP=" + b.ip());
      out.println("BATTERY_" + number + "_PORT=" + b.port());
      number++;
    }
    out.flush();
  }
}
