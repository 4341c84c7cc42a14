package fr.marstek.automation.config;

import java.util.List;
import java.util.Optional;

/**
 * The seed's variables that later features consume ({@code TEMPO_ENABLED}, {@code
 * TEMPO_CONTRACT_NUMBER}, {@code NOTIFICATION_URLS}), checked at start-up already so that a typo is
 * found today, not when the feature lands.
 */
public record ServiceSettings(
    boolean tempoEnabled, Optional<String> tempoContractNumber, List<String> notificationUrls) {

  public ServiceSettings {
    notificationUrls = List.copyOf(notificationUrls);
  }

  public static ServiceSettings from(Variables variables) {
    // Spring reads SERVER_PORT itself (server.port); checked here so a mistake reads like the
    // others
    variables.integer("SERVER_PORT", 8000, 0, 65535, "a TCP port 1-65535 (0: any free port)");
    boolean tempo = variables.flag("TEMPO_ENABLED", true);
    Optional<String> contract = variables.text("TEMPO_CONTRACT_NUMBER");
    contract
        .filter(c -> !c.matches("[A-Za-z0-9 -]{1,40}"))
        .ifPresent(
            c -> variables.problem("TEMPO_CONTRACT_NUMBER", c, "letters, digits and dashes only"));
    List<String> urls =
        variables.text("NOTIFICATION_URLS").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split("[,\\s]+")))
            .filter(u -> !u.isBlank())
            .toList();
    for (String url : urls) {
      if (!url.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
        variables.problem(
            "NOTIFICATION_URLS",
            url,
            "Apprise URLs such as tgram://bottoken/ChatID, separated by" + " commas or spaces");
      }
    }
    return new ServiceSettings(tempo, contract, urls);
  }
}
