package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code images}: rewrites container images (in every {@code containers} and {@code initContainers}
 * list of any object, and image volumes) whose name equals an entry's name.
 */
final class ImageTransformer {

  /** One entry of {@code images}. */
  record Image(String name, String newName, String newTag, String digest) {}

  private ImageTransformer() {}

  static Image parse(JsonNode entry, String file) {
    if (!entry.isObject() || entry.path("name").asText("").isEmpty()) {
      throw new KustomizeException(file, "every images entry needs a name: " + entry);
    }
    return new Image(
        entry.path("name").asText(),
        text(entry, "newName"),
        text(entry, "newTag"),
        text(entry, "digest"));
  }

  static void apply(ResourceMap resources, List<Image> images) {
    if (images.isEmpty()) {
      return;
    }
    for (KResource resource : resources) {
      walk(resource.object, images);
      for (FieldSpec spec : FieldSpecTables.images()) {
        spec.visit(resource.object, (parent, field) -> update(parent, field, images));
      }
    }
  }

  private static void walk(JsonNode node, List<Image> images) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
            && e.getValue() instanceof ArrayNode list) {
          for (JsonNode container : list) {
            if (container instanceof ObjectNode c) {
              update(c, "image", images);
            }
          }
        }
        walk(e.getValue(), images);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> walk(element, images));
    }
  }

  private static void update(ObjectNode holder, String field, List<Image> images) {
    JsonNode value = holder.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    String image = value.asText();
    for (Image entry : images) {
      String[] parts = split(image);
      if (!parts[0].equals(entry.name())) {
        continue;
      }
      String name = entry.newName().isEmpty() ? parts[0] : entry.newName();
      String tail = parts[1];
      if (!entry.digest().isEmpty()) {
        tail = "@" + entry.digest();
      } else if (!entry.newTag().isEmpty()) {
        tail = ":" + entry.newTag();
      }
      image = name + tail;
      holder.put(field, image);
    }
  }

  /** [name, ":tag" or "@digest" or ""] of an image reference. */
  static String[] split(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new String[] {image.substring(0, at), image.substring(at)};
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon > slash) {
      return new String[] {image.substring(0, colon), image.substring(colon)};
    }
    return new String[] {image, ""};
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
