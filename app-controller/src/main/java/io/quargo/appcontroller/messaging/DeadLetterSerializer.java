package io.quargo.appcontroller.messaging;

import io.quargo.common.json.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Value serializer of the {@code .dlq} topics: the original bytes when the message could not even
 * be read (a deserialization failure), else the event as JSON.
 */
public class DeadLetterSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (data instanceof byte[] bytes) {
      return bytes;
    }
    if (data instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return Json.toBytes(data);
  }
}
