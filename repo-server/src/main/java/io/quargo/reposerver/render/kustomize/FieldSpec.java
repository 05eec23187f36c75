package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of some kinds that a transformer changes, as in kustomize's fieldSpecs: an optional
 * group, version and kind, a slash-separated path (lists along the way are entered element by
 * element), and whether missing fields are created.
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

  /** The last-but-one node and the last field name a visitor gets. */
  interface Leaf {
    void visit(ObjectNode parent, String field);
  }

  static FieldSpec of(String kind, String path, boolean create) {
    return new FieldSpec("", "", kind, path, create);
  }

  static FieldSpec all(String path, boolean create) {
    return new FieldSpec("", "", "", path, create);
  }

  boolean selects(Gvk gvk) {
    return gvk.selectedBy(group, version, kind);
  }

  List<String> segments() {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
        current.append('/');
        i++;
      } else if (c == '/') {
        segments.add(strip(current.toString()));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(strip(current.toString()));
    return segments;
  }

  /**
   * Calls {@code leaf} for every place the path reaches in {@code object}; with {@code create},
   * missing maps on the way are added (the leaf itself decides what to create).
   */
  void visit(ObjectNode object, Leaf leaf) {
    walk(object, segments(), 0, leaf);
  }

  private void walk(JsonNode node, List<String> segments, int index, Leaf leaf) {
    if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        walk(element, segments, index, leaf);
      }
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    String segment = segments.get(index);
    if (index == segments.size() - 1) {
      leaf.visit(object, segment);
      return;
    }
    JsonNode child = object.get(segment);
    if (child == null || child.isNull()) {
      if (!create) {
        return;
      }
      child = object.putObject(segment);
    }
    walk(child, segments, index + 1, leaf);
  }

  private static String strip(String segment) {
    return segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
  }
}
