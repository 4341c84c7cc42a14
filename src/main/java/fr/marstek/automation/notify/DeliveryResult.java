package fr.marstek.automation.notify;

import fr.marstek.automation.notify.channel.MaskedUrl;

/** How sending to one notification URL went; the URL is masked, the detail free of secrets. */
public record DeliveryResult(MaskedUrl url, boolean delivered, String detail) {}
