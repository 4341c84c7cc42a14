package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.PlanSlot;
import fr.marstek.automation.units.PhraseFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The Tempo plan as the API shows it; empty when the strategy is the fixed schedule. */
record PlanView(
    String strategy, @JsonProperty("made_at") OffsetDateTime madeAt, List<Battery> batteries) {

  record Battery(String id, List<Slot> slots) {}

  record Slot(
      OffsetDateTime from,
      OffsetDateTime to,
      String action,
      @JsonProperty("power_w") Integer powerW,
      @JsonProperty("target_soc") double targetSoc,
      String reason) {

    static Slot of(PlanSlot s, Locale locale) {
      String why = PhraseFormat.messages().format(s.reason(), locale);
      return switch (s.action()) {
        case Action.ChargeFromGrid c -> slot(s, "CHARGE_FROM_GRID", c.power().rounded(), why);
        case Action.CoverHouse c -> slot(s, "COVER_HOUSE", c.upTo().rounded(), why);
        case Action.Hold h -> slot(s, "HOLD", null, why);
      };
    }

    private static Slot slot(PlanSlot s, String action, Integer power, String why) {
      return new Slot(
          ApiTimes.paris(s.start()),
          ApiTimes.paris(s.end()),
          action,
          power,
          Math.round(s.targetSoc().value() * 10) / 10.0,
          why);
    }
  }

  static PlanView of(Plan plan, Locale locale) {
    return new PlanView(
        plan.strategy().toString(),
        ApiTimes.paris(plan.madeAt()),
        plan.batteries().stream()
            .map(
                b ->
                    new Battery(
                        b.battery(), b.slots().stream().map(s -> Slot.of(s, locale)).toList()))
            .toList());
  }

  static PlanView none(OffsetDateTime now) {
    return new PlanView("fixed", now, List.of());
  }
}
