package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kustomize's content hash for generated ConfigMaps and Secrets: SHA-256 over Go's JSON encoding
 * (sorted keys, HTML-safe escapes) of {kind, name, data[, binaryData]} or {kind, type, name, data[,
 * stringData]}, first ten hex digits with 0, 1, 3, a and e replaced by g, h, k, m and t.
 */
final class ContentHash {

  private ContentHash() {}

  static String of(JsonNode object) {
    String kind = object.path("kind").asText();
    Map<String, Object> m = new TreeMap<>();
    m.put("kind", kind);
    // kustomize looks the name up as one field called "metadata/name", finds nothing and hashes
    // "": the name never changes the hash. Matching that keeps our suffixes equal to kustomize's.
    m.put("name", "");
    m.put("data", scalarOrMap(object.get("data")));
    if (kind.equals("Secret")) {
      m.put("type", scalarOrMap(object.get("type")));
      if (object.path("stringData").isObject()) {
        m.put("stringData", scalarOrMap(object.get("stringData")));
      }
    } else if (object.path("binaryData").isObject()) {
      m.put("binaryData", scalarOrMap(object.get("binaryData")));
    }
    return encode(sha256Hex(goJson(m)));
  }

  private static Object scalarOrMap(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isObject()) {
      Map<String, Object> map = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
      return map;
    }
    return node.asText();
  }

  static String encode(String hex) {
    char[] chars = hex.substring(0, 10).toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] =
          switch (chars[i]) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> chars[i];
          };
    }
    return new String(chars);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Go's encoding/json output for strings, string maps (sorted) and nulls. */
  @SuppressWarnings("unchecked")
  static String goJson(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) map).entrySet()) {
        parts.add(quote(e.getKey()) + ":" + goJson(e.getValue()));
      }
      return "{" + String.join(",", parts) + "}";
    }
    return quote(value.toString());
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
