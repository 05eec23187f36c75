package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over a Jackson tree. */
final class JsonPatch {

  private JsonPatch() {}

  static ObjectNode apply(ObjectNode target, ArrayNode operations, String file) {
    ObjectNode result = target.deepCopy();
    for (JsonNode op : operations) {
      String kind = op.path("op").asText("");
      String path = op.path("path").asText(null);
      if (path == null) {
        throw new KustomizeException(file, "JSON patch operation without a path: " + op);
      }
      switch (kind) {
        case "add" -> add(result, path, value(op, file), file);
        case "remove" -> remove(result, path, file);
        case "replace" -> replace(result, path, value(op, file), file);
        case "move" -> {
          JsonNode moved = get(result, from(op, file), file);
          remove(result, from(op, file), file);
          add(result, path, moved, file);
        }
        case "copy" -> add(result, path, get(result, from(op, file), file).deepCopy(), file);
        case "test" -> {
          if (!get(result, path, file).equals(value(op, file))) {
            throw new KustomizeException(file, "JSON patch test failed at " + path);
          }
        }
        default -> throw new KustomizeException(file, "unknown JSON patch op \"" + kind + "\"");
      }
    }
    return result;
  }

  private static JsonNode value(JsonNode op, String file) {
    if (!op.has("value")) {
      throw new KustomizeException(file, "JSON patch operation without a value: " + op);
    }
    return op.get("value").deepCopy();
  }

  private static String from(JsonNode op, String file) {
    if (!op.hasNonNull("from")) {
      throw new KustomizeException(file, "JSON patch operation without from: " + op);
    }
    return op.get("from").asText();
  }

  static List<String> tokens(String pointer, String file) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (!pointer.startsWith("/")) {
      throw new KustomizeException(file, "JSON pointer \"" + pointer + "\" must start with /");
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static JsonNode get(JsonNode root, String pointer, String file) {
    JsonNode node = root;
    for (String token : tokens(pointer, file)) {
      node = child(node, token);
      if (node == null) {
        throw new KustomizeException(file, "JSON patch path " + pointer + " does not exist");
      }
    }
    return node;
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node instanceof ObjectNode object) {
      return object.get(token);
    }
    if (node instanceof ArrayNode array && token.matches("\\d+")) {
      int index = Integer.parseInt(token);
      return index < array.size() ? array.get(index) : null;
    }
    return null;
  }

  private static JsonNode parent(JsonNode root, List<String> tokens, String pointer, String file) {
    JsonNode node = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      node = child(node, token);
      if (node == null) {
        throw new KustomizeException(file, "JSON patch path " + pointer + " does not exist");
      }
    }
    return node;
  }

  private static void add(ObjectNode root, String pointer, JsonNode value, String file) {
    List<String> tokens = tokens(pointer, file);
    if (tokens.isEmpty()) {
      throw new KustomizeException(file, "JSON patch may not replace the whole object");
    }
    JsonNode parent = parent(root, tokens, pointer, file);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else if (last.matches("\\d+") && Integer.parseInt(last) <= array.size()) {
        array.insert(Integer.parseInt(last), value);
      } else {
        throw new KustomizeException(file, "JSON patch index out of range in " + pointer);
      }
    } else {
      throw new KustomizeException(file, "JSON patch path " + pointer + " does not exist");
    }
  }

  /** Replace; like kustomize's json-patch library, a missing key of an existing map is added. */
  private static void replace(ObjectNode root, String pointer, JsonNode value, String file) {
    List<String> tokens = tokens(pointer, file);
    if (tokens.isEmpty()) {
      throw new KustomizeException(file, "JSON patch may not replace the whole object");
    }
    JsonNode parent = parent(root, tokens, pointer, file);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array
        && last.matches("\\d+")
        && Integer.parseInt(last) < array.size()) {
      array.set(Integer.parseInt(last), value);
    } else {
      throw new KustomizeException(file, "JSON patch path " + pointer + " does not exist");
    }
  }

  private static void remove(ObjectNode root, String pointer, String file) {
    List<String> tokens = tokens(pointer, file);
    JsonNode parent = parent(root, tokens, pointer, file);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array
        && last.matches("\\d+")
        && Integer.parseInt(last) < array.size()) {
      array.remove(Integer.parseInt(last));
    } else {
      throw new KustomizeException(file, "JSON patch path " + pointer + " does not exist");
    }
  }
}
