package io.quargo.reposerver.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.common.yaml.ManifestParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads Kubernetes objects from manifest text (through common's {@link ManifestCodec}: YAML 1.1,
 * duplicate keys refused) with Argo CD's rules: empty documents are skipped; an object whose {@code
 * items} is a list is flattened into its items, one whose {@code items} is null (and has no spec or
 * status) is dropped; every object needs {@code apiVersion} and {@code kind}.
 */
public final class ManifestParser {

  private ManifestParser() {}

  /** Parses rendered output (Helm's): any document that is not an object is an error. */
  public static void parse(String file, String text, BiConsumer<ObjectNode, String> sink) {
    List<ObjectNode> objects;
    try {
      objects = ManifestCodec.readAll(text, file);
    } catch (ManifestParseException e) {
      throw new RenderException(file, stripSource(e.getMessage(), file), e);
    }
    for (int i = 0; i < objects.size(); i++) {
      requireObject(file, i + 1, objects.get(i));
    }
    objects.forEach(o -> flatten(file, o, sink));
  }

  /**
   * Parses a file of a directory app as Argo CD does. A JSON file holds exactly one object. A YAML
   * file that fails (bad syntax, a document that is not an object) is an error when it yielded
   * objects before the failure or looks like a manifest ({@code apiVersion:}, {@code kind:} and
   * {@code metadata:} all appear); otherwise it is an unrelated YAML file and is skipped.
   */
  public static void parseDirectoryFile(
      String file, String text, boolean json, BiConsumer<ObjectNode, String> sink) {
    if (json) {
      parseJson(file, text, sink);
      return;
    }
    List<ObjectNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents =
        ManifestCodec.yamlMapper().readerFor(JsonNode.class).readValues(text)) {
      while (documents.hasNextValue()) {
        JsonNode doc = documents.nextValue();
        if (doc == null
            || doc.isNull()
            || doc.isMissingNode()
            || (doc.isTextual() && doc.asText().isEmpty())) {
          continue;
        }
        requireObject(file, objects.size() + 1, doc);
        objects.add((ObjectNode) doc);
      }
    } catch (IOException | RuntimeException e) {
      if (objects.isEmpty() && !looksLikeManifest(text)) {
        return;
      }
      throw e instanceof RenderException r
          ? r
          : new RenderException(file, syntaxError(file, text, e), e);
    }
    objects.forEach(o -> flatten(file, o, sink));
  }

  private static void parseJson(String file, String text, BiConsumer<ObjectNode, String> sink) {
    List<ObjectNode> objects;
    try {
      objects = ManifestCodec.readAll(text, file);
    } catch (ManifestParseException e) {
      throw new RenderException(file, stripSource(e.getMessage(), file), e);
    }
    if (objects.size() > 1) {
      throw new RenderException(
          file, "holds " + objects.size() + " objects; a JSON file may hold only one");
    }
    for (ObjectNode object : objects) {
      requireObject(file, 1, object);
      flatten(file, object, sink);
    }
  }

  private static void requireObject(String file, int index, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new RenderException(
          file, "object " + index + " is not a Kubernetes object but a " + node.getNodeType());
    }
    if (!object.path("apiVersion").isTextual() || !object.path("kind").isTextual()) {
      throw new RenderException(
          file,
          "object "
              + index
              + " is not a Kubernetes object: it has no "
              + (object.path("apiVersion").isTextual() ? "kind" : "apiVersion"));
    }
  }

  private static void flatten(String file, ObjectNode object, BiConsumer<ObjectNode, String> sink) {
    JsonNode items = object.get("items");
    if (items != null && items.isArray()) {
      int i = 0;
      for (JsonNode item : items) {
        requireObject(file + " (items[" + i++ + "])", 1, item);
        flatten(file, (ObjectNode) item, sink);
      }
      return;
    }
    if (items != null && items.isNull() && !object.has("spec") && !object.has("status")) {
      return;
    }
    sink.accept(object, file);
  }

  private static boolean looksLikeManifest(String text) {
    return text.contains("apiVersion:") && text.contains("kind:") && text.contains("metadata:");
  }

  private static String syntaxError(String file, String text, Exception e) {
    try {
      ManifestCodec.readAll(text, file);
    } catch (ManifestParseException codec) {
      return stripSource(codec.getMessage(), file);
    }
    return e instanceof JsonProcessingException j
        ? j.getOriginalMessage()
        : String.valueOf(e.getMessage());
  }

  private static String stripSource(String message, String file) {
    return message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
  }
}
