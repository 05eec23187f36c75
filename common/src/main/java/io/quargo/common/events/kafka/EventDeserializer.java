package io.quargo.common.events.kafka;

import io.quargo.common.events.CloudEvents;
import io.quargo.common.events.EventTypes;
import io.quargo.common.events.QuargoEvent;
import io.quargo.common.json.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer that picks the record class from the {@code ce_type} header ({@link
 * EventTypes}), for consumers of topics that carry several event types; consume {@link QuargoEvent}
 * and switch on the record. An unknown or missing type fails the record (send it to the DLQ).
 */
public class EventDeserializer implements Deserializer<QuargoEvent> {

  @Override
  public QuargoEvent deserialize(String topic, byte[] data) {
    throw new SerializationException(
        "EventDeserializer needs the ce_type header; topic " + topic + " delivered none");
  }

  @Override
  public QuargoEvent deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    String type = CloudEvents.text(headers, CloudEvents.TYPE);
    Class<? extends QuargoEvent> eventClass =
        EventTypes.classOf(type)
            .orElseThrow(
                () ->
                    new SerializationException(
                        "record on "
                            + topic
                            + " has ce_type \""
                            + type
                            + "\", which is no Quargo event type (see EventTypes.ALL);"
                            + " is the producer newer than this consumer?"));
    try {
      return Json.mapper().readValue(data, eventClass);
    } catch (IOException e) {
      throw new SerializationException(
          "record on " + topic + " is not a valid " + type + " body: " + e.getMessage(), e);
    }
  }
}
