package fr.marstek.automation.notify.channel;

import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A notification URL as it may be shown in logs and in the API: tokens, passwords and keys
 * replaced, scheme and host kept so the user can tell their URLs apart. Exposed to other modules
 * (settings and the web show the configured URLs); the rest of this package stays internal.
 */
@NamedInterface("channel")
public record MaskedUrl(String text) {

  public MaskedUrl {
    Objects.requireNonNull(text, "text");
  }

  /** Keeps a secret's first and last characters when it is long enough to stay unguessable. */
  public static String hide(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "";
    }
    return secret.length() >= 10
        ? secret.charAt(0) + "****" + secret.charAt(secret.length() - 1)
        : "****";
  }

  @Override
  public String toString() {
    return text;
  }
}
