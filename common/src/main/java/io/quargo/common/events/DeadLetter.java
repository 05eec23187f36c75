package io.quargo.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * A message a consumer could not process, sent to {@link Topics#dlq(String)} of its topic instead
 * of blocking the partition. Keyed like the original message (or {@code topic/partition} when it
 * had no key), so an operator can replay it in order.
 *
 * @param messageKey the original record's key, null when it had none
 * @param consumer the consumer group (or service) that failed
 * @param error the exception's class and message; never a stack trace
 * @param payload the original value as text (UTF-8), or base64 when it was not valid UTF-8
 * @param headers the original headers as text
 */
public record DeadLetter(
    String topic,
    int partition,
    long offset,
    String messageKey,
    String consumer,
    String error,
    String payload,
    Map<String, String> headers,
    Instant failedAt)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.dlq.dead-lettered.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return messageKey != null ? messageKey : topic + "/" + partition;
  }
}
