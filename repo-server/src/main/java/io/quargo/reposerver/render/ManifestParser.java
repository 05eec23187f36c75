package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.common.yaml.ManifestParseException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads Kubernetes objects from a manifest file (multi-document YAML or JSON, through common's
 * {@link ManifestCodec}) as Argo CD does: empty documents are skipped, {@code List} kinds are
 * flattened into their items, and anything without {@code apiVersion} and {@code kind} is an error
 * naming the file.
 */
public final class ManifestParser {

  private ManifestParser() {}

  /**
   * Parses {@code text} from {@code file} and hands each object, with its file, to {@code sink}.
   */
  public static void parse(String file, String text, BiConsumer<ObjectNode, String> sink) {
    List<ObjectNode> objects;
    try {
      objects = ManifestCodec.readAll(text, file);
    } catch (ManifestParseException e) {
      throw new RenderException(file, stripSource(e.getMessage(), file), e);
    }
    for (int i = 0; i < objects.size(); i++) {
      addObject(file, i + 1, objects.get(i), sink);
    }
  }

  private static void addObject(
      String file, int index, JsonNode node, BiConsumer<ObjectNode, String> sink) {
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
    JsonNode items = object.get("items");
    if (object.get("kind").asText().endsWith("List") && items != null && items.isArray()) {
      for (JsonNode item : items) {
        addObject(file, index, item, sink);
      }
      return;
    }
    sink.accept(object, file);
  }

  private static String stripSource(String message, String file) {
    return message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
  }
}
