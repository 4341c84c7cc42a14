package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.notify.channel.NoticeLevel;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stray separator in NOTIFY_EVENTS, at either end, is no mistake: it names no event. */
class NotifyEventsSettingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "back,drift:critical",
        "back,drift:critical,",
        ",back,drift:critical",
        " ,back drift:critical, "
      })
  void aSeparatorAtEitherEndIsSkipped(String value) {
    var variables = new Variables(Map.of("NOTIFY_EVENTS", value));

    var settings = NotifySettings.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(settings.events())
        .containsOnlyKeys(NoticeKind.TEST, NoticeKind.BATTERY_BACK, NoticeKind.BATTERY_DRIFTED)
        .containsEntry(NoticeKind.BATTERY_BACK, NoticeLevel.INFO)
        .containsEntry(NoticeKind.BATTERY_DRIFTED, NoticeLevel.CRITICAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"back,drfit", "drfit,back", "back,drift:loud"})
  void aWrongItemIsStillAMistake(String value) {
    var variables = new Variables(Map.of("NOTIFY_EVENTS", value));

    NotifySettings.from(variables);

    assertThat(variables.problems()).singleElement().asString().contains("NOTIFY_EVENTS");
  }
}
