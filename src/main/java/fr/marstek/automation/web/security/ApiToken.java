package fr.marstek.automation.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The secret that every state-changing request must carry as {@code Bearer}. */
public final class ApiToken {

  static final int SHORTEST = 16;

  private final byte[] secret;

  ApiToken(String value) {
    if (value.length() < SHORTEST) {
      throw new IllegalArgumentException("an API token has at least " + SHORTEST + " characters");
    }
    this.secret = value.getBytes(StandardCharsets.UTF_8);
  }

  /** Compares in constant time, so response timing tells nothing about the token. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ApiToken(****)";
  }
}
