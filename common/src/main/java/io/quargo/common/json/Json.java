package io.quargo.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration Quargo uses for events, REST bodies and stored JSON.
 *
 * <p>Rules: {@code java.time} values are ISO-8601 strings ({@code "2026-11-26T22:00:00Z"}), null
 * fields are left out, and unknown fields are ignored when reading (a tolerant reader, so a
 * consumer keeps working when a producer adds a field). A Quarkus service applies the same rules to
 * its CDI {@code ObjectMapper} with an {@code ObjectMapperCustomizer} that calls {@link
 * #configure(ObjectMapper)}.
 */
public final class Json {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private Json() {}

  /** The shared mapper; thread-safe, do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Applies Quargo's rules to {@code mapper} (for a Quarkus {@code ObjectMapperCustomizer}). */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setDefaultPropertyInclusion(
            // Null fields are left out; nulls inside maps are data (Helm uses them to unset a key).
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
  }

  /** Serializes {@code value} to JSON bytes (UTF-8). */
  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + value.getClass().getName() + " to JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /** Serializes {@code value} to a JSON string. */
  public static String toJson(Object value) {
    return new String(toBytes(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Reads JSON bytes as {@code type}; a malformed body fails with the type and Jackson's reason.
   */
  public static <T> T fromBytes(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON as " + type.getSimpleName(), e);
    }
  }

  /** Reads a JSON string as {@code type}. */
  public static <T> T fromJson(String json, Class<T> type) {
    return fromBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
  }

  /** Converts any value (a record, a map) to a JSON tree. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
