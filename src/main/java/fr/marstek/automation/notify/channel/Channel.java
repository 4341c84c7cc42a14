package fr.marstek.automation.notify.channel;

/** One destination of {@code NOTIFICATION_URLS}: a chat, a mailbox, a push topic, a webhook. */
public interface Channel {

  MaskedUrl url();

  /** Makes one attempt; retries belong to the caller. */
  void send(Message message, NoticeLevel level) throws DeliveryFailed;
}
