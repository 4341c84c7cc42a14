package fr.marstek.automation.replay;

import fr.marstek.automation.planning.Strategy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The replay results as a Markdown table, with tempo's share of the oracle's savings. */
record ResultTable(List<ReplayResult> results) {

  void print(PrintWriter out) {
    out.println(
        "| season | batteries | wear EUR/kWh | days | strategy | grid kWh | cost EUR | wear EUR"
            + " | left over EUR | total EUR | savings EUR | cycles | peak import W | share of"
            + " oracle |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (ReplayResult r : results) {
      ReplayCase c = r.replayCase();
      out.printf(
          java.util.Locale.ROOT,
          "| %s | %d | %.2f | %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.0f | %s |%n",
          c.season(),
          c.batteries(),
          c.wearEurPerKwh(),
          r.daysCovered(),
          c.strategy(),
          r.gridKwh(),
          r.costEur(),
          r.wearEur(),
          r.leftOverEur(),
          r.totalEur(),
          r.savingsEur(),
          r.cycles(),
          r.peak().importW(),
          share(r));
    }
  }

  private String share(ReplayResult r) {
    Optional<ReplayResult> oracle =
        results.stream()
            .filter(o -> o.replayCase().strategy() == Strategy.ORACLE)
            .filter(o -> o.replayCase().season().equals(r.replayCase().season()))
            .filter(o -> o.replayCase().batteries() == r.replayCase().batteries())
            .filter(o -> o.replayCase().wearEurPerKwh() == r.replayCase().wearEurPerKwh())
            .findFirst();
    if (oracle.isEmpty()
        || r.replayCase().strategy() == Strategy.NONE
        || oracle.get().savingsEur() <= 0) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT, "%.1f %%", 100 * r.savingsEur() / oracle.get().savingsEur());
  }
}
