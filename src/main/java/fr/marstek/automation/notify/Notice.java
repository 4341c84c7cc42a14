package fr.marstek.automation.notify;

import fr.marstek.automation.notify.channel.Message;
import java.util.Objects;

/**
 * Something to tell the household, worded in both languages. {@code subject} is the condition it
 * reports on (such as {@code battery-1-link}): a notice of the same kind on the same subject is not
 * sent twice in a row, until {@link Notifications#clear(String)} says the condition has cleared.
 */
public record Notice(NoticeKind kind, String subject, Message french, Message english) {

  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(french, "french");
    Objects.requireNonNull(english, "english");
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a notice needs a subject");
    }
  }

  public Message in(Language language) {
    return language == Language.FR ? french : english;
  }

  /** The language of every message ({@code NOTIFICATION_LANGUAGE}). */
  public enum Language {
    FR,
    EN
  }
}
