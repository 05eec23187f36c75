package io.quargo.gateway.body;

import io.quargo.gateway.client.RawJson;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Answers a {@link RawJson} in JSON by writing its bytes as they are (no second serialisation):
 * gzipped, compressed once per answer, when the client sends {@code Accept-Encoding: gzip} and the
 * body is large (as Argo CD's server gzips by default). A large body is written in slices with at
 * most a window of them unsent ({@link WindowedWrites}), so many clients reading a large list at
 * once do not run the JVM out of direct memory.
 */
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
    return -1;
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
    if (value.worthCompressing()) {
      httpHeaders.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      if (acceptsGzip()) {
        bytes = value.gzipped();
        httpHeaders.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
      }
    }
    httpHeaders.putSingle(HttpHeaders.CONTENT_LENGTH, bytes.length);
    HttpServerResponse response = largeBodyResponse(bytes.length);
    if (response == null) {
      entityStream.write(bytes);
    } else {
      WindowedWrites.write(response, bytes);
    }
  }

  /**
   * The Vert.x response to write a body of {@code length} bytes to in windowed slices, or null to
   * use the output stream: small bodies, and writers on the event loop, which must not wait.
   */
  private static HttpServerResponse largeBodyResponse(int length) {
    if (length <= WindowedWrites.SLICE || Context.isOnEventLoopThread()) {
      return null;
    }
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    return request == null ? null : request.unwrap(HttpServerResponse.class);
  }

  /** Whether the request being answered accepts gzip (a q of 0 refuses it). */
  private static boolean acceptsGzip() {
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    String accepted =
        request == null ? null : request.getHttpHeaders().getHeaderString("Accept-Encoding");
    if (accepted == null) {
      return false;
    }
    for (String coding : accepted.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = coding.trim().split(";");
      if (parts[0].trim().equals("gzip") || parts[0].trim().equals("*")) {
        return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
      }
    }
    return false;
  }
}
