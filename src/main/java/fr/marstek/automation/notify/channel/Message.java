package fr.marstek.automation.notify.channel;

import java.util.Objects;

/** A notification's short title and its body, in one language. */
public record Message(String title, String body) {

  public Message {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
  }
}
