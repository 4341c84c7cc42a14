package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void startsAtOneAndWrapsFrom65535ToOneNeverZero() {
    assertThat(new RequestIds().next()).isEqualTo(1);
    RequestIds ids = new RequestIds(65534);

    assertThat(ids.next()).isEqualTo(65535);
    assertThat(ids.next()).isEqualTo(1);
    assertThat(ids.next()).isEqualTo(2);
  }
}
