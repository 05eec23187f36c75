package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two patch types of Argo CD's ApplicationPatchRequest, applied to an app's JSON without I/O:
 * {@code json} (RFC 6902 JSON Patch: add, remove, replace, move, copy, test) and {@code merge} (RFC
 * 7386 JSON Merge Patch: objects merge, {@code null} deletes, anything else replaces). A patch that
 * does not apply is a 400 naming the operation and the path.
 */
final class AppPatches {

  private AppPatches() {}

  /** {@code target} (left unchanged) with {@code patch} of {@code type} applied. */
  static JsonNode apply(JsonNode target, String type, JsonNode patch) {
    return switch (type) {
      case "json", "" -> jsonPatch(target.deepCopy(), patch);
      case "merge" -> mergePatch(target.deepCopy(), patch);
      default ->
          throw ProblemException.invalid(
              "patchType", "\"" + type + "\" is not supported; use json or merge");
    };
  }

  /** RFC 7386: the result of merging {@code patch} into {@code target} (which may be changed). */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? (ObjectNode) target
            : Json.mapper().createObjectNode();
    patch
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                result.remove(e.getKey());
              } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
              }
            });
    return result;
  }

  /** RFC 6902 over {@code doc} (changed in place); returns the patched document. */
  static JsonNode jsonPatch(JsonNode doc, JsonNode patch) {
    if (!patch.isArray()) {
      throw ProblemException.invalid(
          "patch", "a json patch must be a list of operations [{op, path, value}]");
    }
    JsonNode result = doc;
    for (int i = 0; i < patch.size(); i++) {
      JsonNode op = patch.get(i);
      String at = "patch[" + i + "]";
      if (!op.isObject() || !op.path("op").isTextual() || !op.path("path").isTextual()) {
        throw ProblemException.invalid(at, "needs op and path as strings");
      }
      String path = op.get("path").asText();
      result =
          switch (op.get("op").asText()) {
            case "add" -> add(result, path, value(op, at), at);
            case "remove" -> {
              remove(result, path, at);
              yield result;
            }
            case "replace" -> {
              remove(result, path, at);
              yield add(result, path, value(op, at), at);
            }
            case "move" -> {
              JsonNode moved = get(result, from(op, at), at);
              remove(result, from(op, at), at);
              yield add(result, path, moved, at);
            }
            case "copy" -> add(result, path, get(result, from(op, at), at).deepCopy(), at);
            case "test" -> {
              if (!get(result, path, at).equals(value(op, at))) {
                throw ProblemException.invalid(at, "test failed: " + path + " has another value");
              }
              yield result;
            }
            default ->
                throw ProblemException.invalid(
                    at + ".op",
                    "\""
                        + op.get("op").asText()
                        + "\" is not add, remove, replace, move, copy, test");
          };
    }
    return result;
  }

  private static JsonNode value(JsonNode op, String at) {
    if (!op.has("value")) {
      throw ProblemException.invalid(at + ".value", "is required for " + op.get("op").asText());
    }
    return op.get("value").deepCopy();
  }

  private static String from(JsonNode op, String at) {
    if (!op.path("from").isTextual()) {
      throw ProblemException.invalid(at + ".from", "is required for " + op.get("op").asText());
    }
    return op.get("from").asText();
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value, String at) {
    List<String> tokens = tokens(path, at);
    if (tokens.isEmpty()) {
      return value;
    }
    JsonNode parent = get(doc, tokens.subList(0, tokens.size() - 1), path, at);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else {
        int index = index(last, array.size() + 1, path, at);
        array.insert(index, value);
      }
    } else {
      throw missing(path, at);
    }
    return doc;
  }

  private static void remove(JsonNode doc, String path, String at) {
    List<String> tokens = tokens(path, at);
    if (tokens.isEmpty()) {
      throw ProblemException.invalid(at, "cannot remove the whole document");
    }
    JsonNode parent = get(doc, tokens.subList(0, tokens.size() - 1), path, at);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(index(last, array.size(), path, at));
    } else {
      throw missing(path, at);
    }
  }

  private static JsonNode get(JsonNode doc, String path, String at) {
    return get(doc, tokens(path, at), path, at);
  }

  private static JsonNode get(JsonNode doc, List<String> tokens, String path, String at) {
    JsonNode node = doc;
    for (String token : tokens) {
      if (node.isObject() && node.has(token)) {
        node = node.get(token);
      } else if (node.isArray()) {
        node = node.get(index(token, node.size(), path, at));
      } else {
        throw missing(path, at);
      }
    }
    return node;
  }

  private static int index(String token, int size, String path, String at) {
    try {
      int index = Integer.parseInt(token);
      if (index >= 0 && index < size && (token.equals("0") || !token.startsWith("0"))) {
        return index;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    throw missing(path, at);
  }

  /** The reference tokens of a JSON pointer ({@code ~1} is '/', {@code ~0} is '~'). */
  private static List<String> tokens(String path, String at) {
    List<String> tokens = new ArrayList<>();
    if (path.isEmpty()) {
      return tokens;
    }
    if (!path.startsWith("/")) {
      throw ProblemException.invalid(at + ".path", "\"" + path + "\" must start with /");
    }
    for (String token : path.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static ProblemException missing(String path, String at) {
    return ProblemException.invalid(at, "path " + path + " does not exist in the application");
  }
}
