package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.MarstekAutomationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

class DeviceModuleInterfaceTest {

  @Test
  void exposesTheProtocolRecordsAsANamedInterfaceNextToTheDeviceApi() {
    var device =
        ApplicationModules.of(MarstekAutomationApplication.class)
            .getModuleByName("device")
            .orElseThrow();

    var interfaces = device.getNamedInterfaces();

    assertThat(interfaces.getByName("protocol"))
        .get()
        .satisfies(
            protocol ->
                assertThat(
                        protocol.contains(
                            fr.marstek.automation.device.marstek.protocol.EsStatus.class))
                    .isTrue());
    assertThat(interfaces.stream().filter(NamedInterface::isUnnamed).findFirst())
        .get()
        .satisfies(
            api ->
                assertThat(api.contains(fr.marstek.automation.device.BatteryPort.class)).isTrue());
  }
}
