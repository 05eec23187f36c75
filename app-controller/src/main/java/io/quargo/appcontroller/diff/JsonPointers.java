package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6901 pointers: building them from path segments and removing the node one points at. */
final class JsonPointers {

  private JsonPointers() {}

  /** {@code parent} extended by {@code segment}, escaping "~" and "/". */
  static String child(String parent, String segment) {
    return parent + "/" + segment.replace("~", "~0").replace("/", "~1");
  }

  /** {@code parent} extended by an array index. */
  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /**
   * Removes the node at {@code pointer} from {@code root}; a pointer that leads nowhere is a no-op,
   * as a JSON-patch "remove" whose error Argo ignores.
   */
  static void remove(JsonNode root, String pointer) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonPointer last = path.last();
    if (last == null) {
      return;
    }
    JsonNode parent = root.at(path.head());
    if (parent instanceof ObjectNode object) {
      object.remove(last.getMatchingProperty());
    } else if (parent instanceof ArrayNode array) {
      int index = last.getMatchingIndex();
      if (index >= 0 && index < array.size()) {
        array.remove(index);
      }
    }
  }
}
