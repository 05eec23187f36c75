package io.quargo.common.events.kafka;

import io.quargo.common.json.Json;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer writing any event record as JSON with {@link Json#mapper()}. */
public class EventSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    return data == null ? null : Json.toBytes(data);
  }
}
