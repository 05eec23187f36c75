package io.quargo.reposerver.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads Kubernetes objects from YAML (several documents) or JSON text, as Argo CD does: empty
 * documents are skipped, {@code List} kinds are flattened into their items, and anything that is
 * not an object with {@code apiVersion} and {@code kind} is an error naming the file, document and
 * line.
 */
public final class ManifestParser {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestParser() {}

  /** Parses {@code text} from {@code file} and hands each object to {@code sink}. */
  public static void parse(
      String file, String text, boolean json, BiConsumer<ObjectNode, String> sink) {
    List<JsonNode> documents = new ArrayList<>();
    ObjectMapper mapper = json ? JSON : YAML;
    try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        documents.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new RenderException(
          file,
          "document "
              + (documents.size() + 1)
              + where
              + " is not valid "
              + (json ? "JSON" : "YAML")
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new RenderException(file, "cannot be read: " + e.getMessage(), e);
    }
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      if (doc == null || doc.isNull() || doc.isMissingNode()) {
        continue;
      }
      addObject(file, i + 1, doc, sink);
    }
  }

  private static void addObject(
      String file, int document, JsonNode doc, BiConsumer<ObjectNode, String> sink) {
    if (!(doc instanceof ObjectNode object)) {
      throw new RenderException(
          file,
          "document "
              + document
              + " is not a Kubernetes object (a mapping) but a "
              + doc.getNodeType());
    }
    if (!object.path("apiVersion").isTextual() || !object.path("kind").isTextual()) {
      throw new RenderException(
          file,
          "document "
              + document
              + " is not a Kubernetes object: it has no "
              + (object.path("apiVersion").isTextual() ? "kind" : "apiVersion"));
    }
    JsonNode items = object.get("items");
    if (object.get("kind").asText().endsWith("List") && items != null && items.isArray()) {
      for (JsonNode item : items) {
        addObject(file, document, item, sink);
      }
      return;
    }
    sink.accept(object, file);
  }
}
