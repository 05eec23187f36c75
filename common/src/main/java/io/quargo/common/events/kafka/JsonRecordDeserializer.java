package io.quargo.common.events.kafka;

import io.quargo.common.json.Json;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer reading JSON as one record type, named by the {@value #VALUE_TYPE}
 * property (in SmallRye: {@code mp.messaging.incoming.<channel>.quargo.value.type=
 * io.quargo.common.events.AppCommand}) or by a subclass's constructor.
 */
public class JsonRecordDeserializer<T> implements Deserializer<T> {

  /** Consumer property naming the class to read. */
  public static final String VALUE_TYPE = "quargo.value.type";

  private Class<T> type;

  /**
   * For Kafka's reflective construction; {@link #configure} must then find {@value #VALUE_TYPE}.
   */
  public JsonRecordDeserializer() {}

  /** Reads every value as {@code type}. */
  public JsonRecordDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (type != null) {
      return;
    }
    Object name = configs.get(VALUE_TYPE);
    if (name == null) {
      throw new IllegalArgumentException(
          "JsonRecordDeserializer needs the consumer property "
              + VALUE_TYPE
              + " (the record class to read), e.g. io.quargo.common.events.AppCommand");
    }
    try {
      type =
          (Class<T>)
              Class.forName(name.toString(), true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          VALUE_TYPE + "=" + name + " names no class on the classpath", e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (type == null) {
      throw new IllegalStateException("JsonRecordDeserializer used before configure()");
    }
    try {
      return Json.mapper().readValue(data, type);
    } catch (IOException e) {
      throw new SerializationException(
          "record on " + topic + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }
}
