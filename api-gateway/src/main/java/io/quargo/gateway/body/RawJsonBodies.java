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

/** Answers a {@link RawJson} in JSON by writing its bytes as they are (no second serialisation). */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
public class RawJsonBodies implements MessageBodyWriter<RawJson> {

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
    entityStream.write(value.bytes());
  }
}
