package fr.marstek.automation.device.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.modbus.Register.Confidence;
import fr.marstek.automation.device.modbus.RegisterMap.Field;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The profile tables keep the spec's rules: what may be written, what is read in one block. */
class RegisterMapTest {

  /** The registers {@link ExternalControl} writes, and nothing else is ever written. */
  private static final Set<Field> WRITTEN =
      EnumSet.of(
          Field.CONTROL,
          Field.FORCE_MODE,
          Field.CHARGE_POWER,
          Field.DISCHARGE_POWER,
          Field.WORK_MODE);

  @ParameterizedTest
  @EnumSource(ModbusProfile.class)
  void everyRegisterThisClientWritesHasHighConfidenceInTheSpec(ModbusProfile profile) {
    RegisterMap map = RegisterMap.of(profile);

    assertThat(WRITTEN)
        .allSatisfy(f -> assertThat(map.register(f).confidence()).isEqualTo(Confidence.HIGH));
    assertThat(WRITTEN)
        .extracting(f -> map.register(f).address())
        .containsExactlyInAnyOrder(42000, 42010, 42020, 42021, 43000);
  }

  @ParameterizedTest
  @EnumSource(ModbusProfile.class)
  void readsTogetherOnlyRegistersThatFollowEachOtherWithinThe32WordLimit(ModbusProfile profile) {
    RegisterMap map = RegisterMap.of(profile);

    assertThat(map.register(Field.CHARGED_TOTAL).isFollowedBy(map.register(Field.DISCHARGED_TOTAL)))
        .isTrue();
    assertThat(map.register(Field.CHARGE_POWER).isFollowedBy(map.register(Field.DISCHARGE_POWER)))
        .isTrue();
    assertThat(map.registers().values())
        .allSatisfy(r -> assertThat(r.words()).isLessThanOrEqualTo(32));
  }

  @ParameterizedTest
  @EnumSource(ModbusProfile.class)
  void readsTheStatusOnlyFromRegistersOfHighConfidence(ModbusProfile profile) {
    RegisterMap map = RegisterMap.of(profile);

    assertThat(
            EnumSet.of(
                Field.SOC,
                Field.AC_POWER,
                Field.CHARGED_TOTAL,
                Field.DISCHARGED_TOTAL,
                Field.TEMPERATURE))
        .allSatisfy(f -> assertThat(map.register(f).confidence()).isEqualTo(Confidence.HIGH));
  }
}
