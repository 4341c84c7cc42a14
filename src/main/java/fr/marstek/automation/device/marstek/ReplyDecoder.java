package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.marstek.protocol.MalformedReply;
import fr.marstek.automation.device.marstek.protocol.Reply;

/** Reads the expected record out of a result reply. */
@FunctionalInterface
interface ReplyDecoder<T> {
  T decode(Reply reply) throws MalformedReply;
}
