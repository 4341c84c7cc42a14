package fr.marstek.automation.control;

import static fr.marstek.automation.units.PhraseFormat.english;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

  private static final SafetyLimits LIMITS =
      new SafetyLimits(Percent.of(20), Watts.of(2000), Watts.of(800));
  private static final Instant LATER = Instant.parse("2026-12-01T06:00:00Z");

  private static DesiredState wanted(Intent intent) {
    return new DesiredState(intent, Cause.OVERRIDE, Phrase.verbatim("asked through the API"));
  }

  @Test
  void refusesGridChargingInPeakHoursUnlessAsked() {
    var charge = wanted(new GridCharge(Watts.of(1500), Percent.of(100)));

    var refused = SafetyPolicy.apply(charge, LIMITS, Percent.of(50), true, false);
    var allowed = SafetyPolicy.apply(charge, LIMITS, Percent.of(50), true, true);

    assertThat(refused.intent()).isInstanceOf(SelfConsumption.class);
    assertThat(refused.cause()).isEqualTo(Cause.SAFETY);
    assertThat(english(refused.reason())).contains("peak");
    assertThat(allowed).isEqualTo(charge);
  }

  @Test
  void limitsGridChargePowerToTheBatteryLimit() {
    var charge = wanted(new GridCharge(Watts.of(2500), Percent.of(100)));

    var limited = SafetyPolicy.apply(charge, LIMITS, Percent.of(50), false, false);

    assertThat(limited.intent()).isEqualTo(new GridCharge(Watts.of(2000), Percent.of(100)));
    assertThat(limited.cause()).isEqualTo(Cause.OVERRIDE);
    assertThat(english(limited.reason())).contains("limited to 2,000 W");
  }

  @Test
  void holdsTheReserveInsteadOfDischarging() {
    var self =
        SafetyPolicy.apply(wanted(new SelfConsumption()), LIMITS, Percent.of(20), true, false);
    var ai = SafetyPolicy.apply(wanted(new VendorAi()), LIMITS, Percent.of(19), true, false);
    var discharge =
        SafetyPolicy.apply(
            wanted(new FixedPower(Watts.of(500), LATER)), LIMITS, Percent.of(10), false, false);

    assertThat(self.intent()).isInstanceOf(Idle.class);
    assertThat(ai.intent()).isInstanceOf(Idle.class);
    assertThat(discharge.intent()).isInstanceOf(Idle.class);
    assertThat(english(discharge.reason())).contains("reserve 20 %");
  }

  @Test
  void selfConsumptionAboveTheReserveIsLeftAlone() {
    var self = wanted(new SelfConsumption());

    assertThat(SafetyPolicy.apply(self, LIMITS, Percent.of(21), true, false)).isEqualTo(self);
  }

  @Test
  void clampsAFixedSetpointToBothLimits() {
    var tooMuchOut = wanted(new FixedPower(Watts.of(2500), LATER));
    var tooMuchIn = wanted(new FixedPower(Watts.of(-3000), LATER));

    assertThat(SafetyPolicy.apply(tooMuchOut, LIMITS, Percent.of(80), false, false).intent())
        .isEqualTo(new FixedPower(Watts.of(800), LATER));
    assertThat(SafetyPolicy.apply(tooMuchIn, LIMITS, Percent.of(80), false, false).intent())
        .isEqualTo(new FixedPower(Watts.of(-2000), LATER));
  }

  @Test
  void aPassiveChargeInPeakHoursIsRefusedToo() {
    var charge = wanted(new FixedPower(Watts.of(-1000), LATER));

    assertThat(SafetyPolicy.apply(charge, LIMITS, Percent.of(50), true, false).cause())
        .isEqualTo(Cause.SAFETY);
  }
}
