package io.quargo.common.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quargo.common.json.Json;
import io.quargo.common.json.JsonPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes Kubernetes manifests: multi-document YAML, or JSON, to and from Jackson trees
 * and typed objects, with errors that point at the document, line and column.
 *
 * <pre>{@code
 * List<ObjectNode> objects = ManifestCodec.readAll(text);          // empty documents skipped
 * Application app = ManifestCodec.read(text, Application.class);   // exactly one document
 * String yaml = ManifestCodec.write(objects);                      // "---"-separated YAML
 * }</pre>
 *
 * Text whose first non-blank character is '{' or '[' is read as JSON (a stream of values; a
 * top-level array is one document holding a list and is refused like any non-object document),
 * anything else as YAML 1.1 (SnakeYAML). Duplicate keys are an error, as with {@code kubectl}.
 * Typed reading uses the rules of {@link Json#configure}.
 */
public final class ManifestCodec {

  private static final ObjectMapper YAML =
      Json.configure(
          new YAMLMapper(
              YAMLFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build()));

  private static final ObjectMapper JSON =
      Json.configure(
          new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));

  private ManifestCodec() {}

  /** The YAML mapper behind this codec (Quargo's Jackson rules, YAML factory). */
  public static ObjectMapper yamlMapper() {
    return YAML;
  }

  /** Every non-empty document of {@code text}, in order. */
  public static List<ObjectNode> readAll(String text) {
    return readAll(text, null);
  }

  /** As {@link #readAll(String)}, naming {@code source} (a file or URL) in errors. */
  public static List<ObjectNode> readAll(String text, String source) {
    List<ObjectNode> objects = new ArrayList<>();
    ObjectMapper mapper = mapperFor(text);
    int document = 0;
    try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(text)) {
      while (true) {
        document++;
        if (!documents.hasNextValue()) {
          break;
        }
        JsonLocation start = documents.getParser().currentTokenLocation();
        JsonNode node = documents.nextValue();
        if (node == null
            || node.isNull()
            || node.isMissingNode()
            || (node.isTextual() && node.asText().isEmpty())) {
          continue;
        }
        if (!node.isObject()) {
          throw new ManifestParseException(
              source,
              documentAt(text, start.getLineNr(), document),
              start.getLineNr(),
              start.getColumnNr(),
              "the document is a "
                  + node.getNodeType().name().toLowerCase()
                  + ", expected a mapping (a Kubernetes object with apiVersion and kind)",
              null);
        }
        objects.add((ObjectNode) node);
      }
    } catch (IOException | RuntimeException e) {
      throw translate(e, text, source, document);
    }
    return objects;
  }

  /** Every non-empty document of a UTF-8 stream; the stream is read to its end, not closed. */
  public static List<ObjectNode> readAll(InputStream in, String source) {
    try {
      return readAll(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + (source == null ? "manifest" : source), e);
    }
  }

  /** The one document of {@code text} as {@code type}; none or several is an error. */
  public static <T> T read(String text, Class<T> type) {
    return read(text, type, null);
  }

  /** As {@link #read(String, Class)}, naming {@code source} in errors. */
  public static <T> T read(String text, Class<T> type, String source) {
    List<ObjectNode> objects = readAll(text, source);
    if (objects.size() != 1) {
      throw new ManifestParseException(
          source,
          objects.isEmpty() ? 1 : 2,
          0,
          0,
          "expected exactly one "
              + type.getSimpleName()
              + ", found "
              + objects.size()
              + " documents",
          null);
    }
    // Bind from the text, not the tree, so type errors keep their line and column.
    try (MappingIterator<T> documents = mapperFor(text).readerFor(type).readValues(text)) {
      int document = 0;
      while (true) {
        document++;
        try {
          if (!documents.hasNextValue()) {
            break;
          }
          T value = documents.nextValue();
          if (value != null) {
            return value;
          }
        } catch (RuntimeException e) {
          throw translate(e, text, source, document);
        }
      }
    } catch (IOException e) {
      throw translate(e, text, source, 1);
    }
    throw new IllegalStateException("unreachable: one document was found before");
  }

  /** The objects as YAML documents separated by {@code ---}. */
  public static String write(List<?> objects) {
    StringBuilder yaml = new StringBuilder();
    for (Object object : objects) {
      if (!yaml.isEmpty()) {
        yaml.append("---\n");
      }
      yaml.append(write(object));
    }
    return yaml.toString();
  }

  /** One object as a YAML document (no leading {@code ---}). */
  public static String write(Object object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + object.getClass().getName() + " as YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper mapperFor(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[' ? JSON : YAML;
      }
    }
    return YAML;
  }

  private static RuntimeException translate(Exception e, String text, String source, int document) {
    if (e instanceof ManifestParseException parse) {
      return parse;
    }
    MarkedYAMLException yaml = findCause(e, MarkedYAMLException.class);
    if (yaml != null) {
      Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
      String reason = yaml.getProblem();
      if (yaml.getContext() != null) {
        Mark context = yaml.getContextMark();
        reason =
            yaml.getContext()
                + (context != null && context != mark
                    ? " (started at line "
                        + (context.getLine() + 1)
                        + ", column "
                        + (context.getColumn() + 1)
                        + ")"
                    : "")
                + ": "
                + reason;
      }
      int line = mark == null ? 0 : mark.getLine() + 1;
      return new ManifestParseException(
          source,
          documentAt(text, line, document),
          line,
          mark == null ? 0 : mark.getColumn() + 1,
          reason,
          e);
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      String reason = json.getOriginalMessage();
      if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        reason = JsonPaths.of(mapping) + ": " + reason;
      }
      int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      return new ManifestParseException(
          source,
          documentAt(text, line, document),
          line,
          at == null ? 0 : Math.max(at.getColumnNr(), 0),
          reason,
          e);
    }
    if (e instanceof IOException io) {
      return new UncheckedIOException(io);
    }
    return (RuntimeException) e;
  }

  /**
   * The 1-based document holding {@code line} of a YAML stream, from its {@code ---} markers (the
   * parser reads ahead, so its own document count may already be past an empty document). For JSON
   * or an unknown line, {@code counted} (the documents the parser had started) is the answer.
   */
  static int documentAt(String text, int line, int counted) {
    if (line <= 0 || mapperFor(text) == JSON) {
      return counted;
    }
    String[] lines = text.split("\r?\n", -1);
    int document = 1;
    boolean content = false;
    for (int i = 0; i < Math.min(line - 1, lines.length); i++) {
      String current = lines[i];
      if (current.equals("---") || current.startsWith("--- ") || current.startsWith("---\t")) {
        if (content) {
          document++;
        }
        content = true;
      } else if (!current.isBlank() && !current.startsWith("#") && !current.startsWith("%")) {
        content = true;
      }
    }
    return document;
  }

  private static <X extends Throwable> X findCause(Throwable e, Class<X> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
