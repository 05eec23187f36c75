package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a value at a Helm {@code --set} key ({@code a.b}, {@code list[0].c}, {@code a\.b} for a
 * dot inside a name) in a values tree, so that forceString parameters can go in a values file.
 */
final class HelmKeys {

  private static final Pattern SEGMENT = Pattern.compile("^([^\\[]*)((?:\\[\\d+])*)$");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private HelmKeys() {}

  static void put(ObjectNode root, String key, String value) {
    put(root, key, JsonNodeFactory.instance.textNode(value));
  }

  static void put(ObjectNode root, String key, JsonNode value) {
    List<String> names = split(key);
    JsonNode node = root;
    for (int s = 0; s < names.size(); s++) {
      Matcher m = SEGMENT.matcher(names.get(s));
      if (!m.matches() || m.group(1).isEmpty()) {
        throw new RenderException(
            "helm.parameters", "key \"" + key + "\" is not a valid --set key");
      }
      List<Integer> indexes = new ArrayList<>();
      Matcher im = INDEX.matcher(m.group(2));
      while (im.find()) {
        indexes.add(Integer.parseInt(im.group(1)));
      }
      boolean last = s == names.size() - 1;
      ObjectNode parent = (ObjectNode) node;
      String name = m.group(1);
      if (indexes.isEmpty()) {
        if (last) {
          parent.set(name, value);
          return;
        }
        node = parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
        continue;
      }
      JsonNode current = parent.get(name) instanceof ArrayNode a ? a : parent.putArray(name);
      for (int i = 0; i < indexes.size(); i++) {
        ArrayNode array = (ArrayNode) current;
        int index = indexes.get(i);
        while (array.size() <= index) {
          array.addNull();
        }
        boolean lastIndex = i == indexes.size() - 1;
        if (lastIndex && last) {
          array.set(index, value);
          return;
        }
        JsonNode next = array.get(index);
        if (lastIndex) {
          next = next instanceof ObjectNode ? next : array.objectNode();
        } else {
          next = next instanceof ArrayNode ? next : array.arrayNode();
        }
        array.set(index, next);
        current = next;
      }
      node = current;
    }
  }

  /**
   * A {@code {a,b}} parameter value as Helm's {@code --set} reads it: a list split on unescaped
   * commas, each element typed (integers, booleans, null) unless {@code asString}.
   */
  static JsonNode list(String braced, boolean asString) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    String inner = braced.substring(1, braced.length() - 1);
    if (inner.isEmpty()) {
      return list;
    }
    StringBuilder element = new StringBuilder();
    for (int i = 0; i <= inner.length(); i++) {
      if (i == inner.length() || inner.charAt(i) == ',') {
        list.add(asString ? list.textNode(element.toString()) : typed(element.toString()));
        element.setLength(0);
      } else if (inner.charAt(i) == '\\' && i + 1 < inner.length()) {
        element.append(inner.charAt(++i));
      } else {
        element.append(inner.charAt(i));
      }
    }
    return list;
  }

  private static JsonNode typed(String value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value.equals("true") || value.equals("false")) {
      return f.booleanNode(Boolean.parseBoolean(value));
    }
    if (value.equals("null")) {
      return f.nullNode();
    }
    if (value.matches("-?(0|[1-9][0-9]{0,17})")) {
      return f.numberNode(Long.parseLong(value));
    }
    return f.textNode(value);
  }

  private static List<String> split(String key) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' && i + 1 < key.length() && key.charAt(i + 1) == '.') {
        part.append('.');
        i++;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
