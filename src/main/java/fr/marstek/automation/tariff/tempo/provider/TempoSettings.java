package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Tempo provider variables, checked at start-up. */
@org.springframework.modulith.NamedInterface("settings")
public record TempoSettings(
    boolean enabled,
    List<String> providers,
    Optional<RteCredentials> rteCredentials,
    URI rteApiUrl,
    URI rteTokenUrl,
    URI rtePublicUrl,
    URI couleurApiUrl,
    Duration timeout) {

  static final String RTE = "rte";
  static final String RTE_PUBLIC = "rte-public";
  static final String COULEUR_TEMPO = "couleur-tempo";
  static final Set<String> KNOWN = Set.of(RTE, RTE_PUBLIC, COULEUR_TEMPO);

  public TempoSettings {
    providers = List.copyOf(providers);
  }

  /** RTE's client credentials; {@link #toString()} masks the secret. */
  record RteCredentials(String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "RteCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
  }

  public static TempoSettings from(Variables variables) {
    boolean enabled = variables.flag("TEMPO_ENABLED", true);
    List<String> providers = providers(variables);
    Optional<String> id = variables.text("RTE_CLIENT_ID");
    Optional<String> secret = variables.text("RTE_CLIENT_SECRET");
    if (id.isPresent() != secret.isPresent()) {
      String missing = id.isPresent() ? "RTE_CLIENT_SECRET" : "RTE_CLIENT_ID";
      String given = id.isPresent() ? "RTE_CLIENT_ID" : "RTE_CLIENT_SECRET";
      variables.problem(
          missing, "", "set together with " + given + " (both from your data.rte-france.com app)");
    }
    Optional<RteCredentials> credentials =
        id.isPresent() && secret.isPresent()
            ? Optional.of(new RteCredentials(id.get(), secret.get()))
            : Optional.empty();
    return new TempoSettings(
        enabled,
        providers,
        credentials,
        url(
            variables,
            "TEMPO_RTE_API_URL",
            "https://digital.iservices.rte-france.com/open_api/tempo_like_supply_contract/v1"),
        url(
            variables,
            "TEMPO_RTE_TOKEN_URL",
            "https://digital.iservices.rte-france.com/token/oauth/"),
        url(variables, "TEMPO_RTE_PUBLIC_URL", "https://www.services-rte.com/cms/open_data/v1"),
        url(variables, "TEMPO_COULEUR_API_URL", "https://www.api-couleur-tempo.fr/api"),
        Duration.ofSeconds(
            variables.integer("TEMPO_HTTP_TIMEOUT_SECONDS", 10, 1, 120, "seconds 1-120")));
  }

  private static List<String> providers(Variables variables) {
    String raw =
        variables.text("TEMPO_PROVIDERS").orElse(RTE + "," + RTE_PUBLIC + "," + COULEUR_TEMPO);
    List<String> names = new ArrayList<>();
    for (String part : raw.split("[,\\s]+", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!KNOWN.contains(name) || names.contains(name)) {
        variables.problem(
            "TEMPO_PROVIDERS",
            raw,
            "each of rte, rte-public, couleur-tempo at most once, in order");
        return List.of(RTE, RTE_PUBLIC, COULEUR_TEMPO);
      }
      names.add(name);
    }
    return names;
  }

  private static URI url(Variables variables, String name, String fallback) {
    return variables.get(
        name,
        URI.create(fallback),
        "an http:// or https:// URL",
        raw -> {
          URI uri = URI.create(raw);
          if (uri.getHost() == null
              || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("not an http URL");
          }
          return uri;
        });
  }

  /** {@code base} + {@code path}, with exactly one slash between them. */
  static URI resolve(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/" + path);
  }
}
