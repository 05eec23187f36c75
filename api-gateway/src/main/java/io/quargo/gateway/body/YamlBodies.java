package io.quargo.gateway.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.common.yaml.ManifestParseException;
import io.quargo.gateway.client.RawJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * YAML request and response bodies, so {@code kubectl}-style manifests (Argo's shapes) can be sent
 * as they are: a body of {@code application/yaml} is read as one document with errors naming line
 * and column (common's {@link ManifestCodec}); {@code Accept: application/yaml} answers in YAML.
 */
@Provider
@Consumes({YamlBodies.YAML, YamlBodies.TEXT_YAML, YamlBodies.X_YAML})
@Produces(YamlBodies.YAML)
public class YamlBodies implements MessageBodyReader<JsonNode>, MessageBodyWriter<Object> {

  /** The YAML media type the routes accept and answer in. */
  public static final String YAML = "application/yaml";

  /** Also accepted on requests. */
  public static final String TEXT_YAML = "text/yaml";

  /** Also accepted on requests. */
  public static final String X_YAML = "application/x-yaml";

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonNode.class.isAssignableFrom(type) && isYaml(mediaType);
  }

  @Override
  public JsonNode readFrom(
      Class<JsonNode> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    String text = new String(entityStream.readAllBytes(), StandardCharsets.UTF_8);
    List<ObjectNode> documents = ManifestCodec.readAll(text, "request body");
    if (documents.size() > 1) {
      throw new ManifestParseException(
          "request body", 2, 0, 0, "expected one YAML document, found " + documents.size(), null);
    }
    return documents.isEmpty() ? null : documents.get(0);
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return isYaml(mediaType);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    Object tree = value instanceof RawJson raw ? raw.tree() : value;
    entityStream.write(ManifestCodec.write(tree).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isYaml(MediaType mediaType) {
    if (mediaType == null) {
      return false;
    }
    String subtype = mediaType.getSubtype();
    return subtype.equals("yaml") || subtype.equals("x-yaml");
  }
}
