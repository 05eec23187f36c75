package io.quargo.gateway.body;

import io.quargo.gateway.client.RawJson;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Answers a {@link RawJson} in JSON by writing its bytes as they are (no second serialisation), in
 * slices: the server's output stream waits for a slow reader between slices, so each answer holds
 * at most a slice or two of the network buffers instead of a copy of the whole body (200 clients
 * reading a 1.2 MB list at once otherwise run the JVM out of direct memory).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
public class RawJsonBodies implements MessageBodyWriter<RawJson> {

  /** Bytes handed to the server's output stream at a time. */
  static final int SLICE = 32 * 1024;

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return RawJson.class.isAssignableFrom(type)
        && (mediaType == null
            || mediaType.isWildcardSubtype()
            || mediaType.getSubtype().equals("json")
            || mediaType.getSubtype().endsWith("+json"));
  }

  @Override
  public long getSize(
      RawJson value, Class<?> type, Type genericType, Annotation[] annotations, MediaType media) {
    return value.bytes().length;
  }

  @Override
  public void writeTo(
      RawJson value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    byte[] bytes = value.bytes();
    for (int offset = 0; offset < bytes.length; offset += SLICE) {
      entityStream.write(bytes, offset, Math.min(SLICE, bytes.length - offset));
    }
  }
}
