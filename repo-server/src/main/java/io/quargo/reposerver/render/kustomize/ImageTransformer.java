package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code images}: rewrites container images (in every {@code containers} and {@code initContainers}
 * list of any object, and image volumes) whose name equals an entry's name.
 */
final class ImageTransformer {

  /** One entry of {@code images}. */
  record Image(String name, String newName, String newTag, String digest, String tagSuffix) {}

  private static final java.util.Set<String> FIELDS =
      java.util.Set.of("name", "newName", "newTag", "digest", "tagSuffix");

  private ImageTransformer() {}

  static Image parse(JsonNode entry, String file) {
    if (!entry.isObject() || entry.path("name").asText("").isEmpty()) {
      throw new KustomizeException(file, "every images entry needs a name: " + entry);
    }
    for (String field : (Iterable<String>) entry::fieldNames) {
      if (!FIELDS.contains(field)) {
        throw new KustomizeException(file, "unknown field \"" + field + "\" in an images entry");
      }
    }
    return new Image(
        text(entry, "name", file),
        text(entry, "newName", file),
        text(entry, "newTag", file),
        text(entry, "digest", file),
        text(entry, "tagSuffix", file));
  }

  static void apply(ResourceMap resources, List<Image> images) {
    if (images.isEmpty()) {
      return;
    }
    // Like kustomize, each entry runs twice: once over every containers/initContainers list
    // (its "legacy" filter), once over the image field specs. Only tagSuffix notices: on pod
    // specs at the usual paths it is appended twice, exactly as kubectl kustomize does.
    for (Image image : images) {
      List<Image> one = List.of(image);
      for (KResource resource : resources) {
        walk(resource.object, one);
        for (FieldSpec spec : FieldSpecTables.images()) {
          spec.visit(resource.object, (parent, field) -> update(parent, field, one));
        }
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
      if (!matches(image, entry.name())) {
        continue;
      }
      String[] parts = split(image);
      String name = entry.newName().isEmpty() ? parts[0] : entry.newName();
      String tag = parts[1];
      String digest = parts[2];
      if (!entry.newTag().isEmpty()) {
        tag = entry.newTag();
        digest = entry.digest();
      } else if (!entry.digest().isEmpty()) {
        tag = "";
        digest = entry.digest();
      } else if (!entry.tagSuffix().isEmpty()) {
        tag = tag + entry.tagSuffix();
        digest = "";
      }
      image = name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
      holder.put(field, image);
    }
  }

  /** Whether {@code image} is {@code name} with an optional tag and sha256 digest. */
  static boolean matches(String image, String name) {
    try {
      return Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")
          .matcher(image)
          .matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** [name, tag, digest] of an image reference (tag and digest without ':' and '@'). */
  static String[] split(String image) {
    int slash = image.indexOf('/');
    int offset = slash > 0 ? slash : 0;
    String search = image.substring(offset);
    int at = search.indexOf('@');
    int colon = search.indexOf(':');
    if (colon < 0 && at < 0) {
      return new String[] {image, "", ""};
    }
    if (at >= 0 && (at < colon || colon < 0)) {
      return new String[] {image.substring(0, at + offset), "", image.substring(at + offset + 1)};
    }
    if (at >= 0) {
      return new String[] {
        image.substring(0, colon + offset),
        image.substring(colon + offset + 1, at + offset),
        image.substring(at + offset + 1)
      };
    }
    return new String[] {
      image.substring(0, colon + offset), image.substring(colon + offset + 1), ""
    };
  }

  private static String text(JsonNode entry, String field, String file) {
    return Yamls.string(entry.get(field), file, "images." + field);
  }
}
