package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One compiled {@code ignoreDifferences} entry: which resources it matches (group and kind as
 * globs, name and namespace exact when set) and what it removes before comparing.
 */
record IgnoreRule(
    Pattern group,
    Pattern kind,
    String name,
    String namespace,
    List<String> jsonPointers,
    List<JqDeletion> jqDeletions,
    List<String> managedFieldsManagers) {

  /** Compiles {@code entry}; a malformed pointer or jq expression fails naming it. */
  static IgnoreRule compile(ResourceIgnoreDifferences entry) {
    List<String> pointers = Optional.ofNullable(entry.getJsonPointers()).orElse(List.of());
    for (String pointer : pointers) {
      try {
        JsonPointer.compile(pointer);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "ignoreDifferences.jsonPointers \""
                + pointer
                + "\" is not a JSON pointer: start it with /",
            e);
      }
    }
    return new IgnoreRule(
        glob(entry.getGroup()),
        glob(entry.getKind()),
        Optional.ofNullable(entry.getName()).orElse(""),
        Optional.ofNullable(entry.getNamespace()).orElse(""),
        List.copyOf(pointers),
        Optional.ofNullable(entry.getJqPathExpressions()).orElse(List.of()).stream()
            .map(JqDeletion::compile)
            .toList(),
        List.copyOf(Optional.ofNullable(entry.getManagedFieldsManagers()).orElse(List.of())));
  }

  boolean matches(ResourceKey key) {
    return group.matcher(key.group()).matches()
        && kind.matcher(key.kind()).matches()
        && (name.isEmpty() || name.equals(key.name()))
        && (namespace.isEmpty() || namespace.equals(key.namespace()));
  }

  /** {@code object} without the pointed and jq-selected fields (a new node when jq ran). */
  ObjectNode removeIgnoredFields(ObjectNode object) {
    for (String pointer : jsonPointers) {
      JsonPointers.remove(object, pointer);
    }
    ObjectNode result = object;
    for (JqDeletion deletion : jqDeletions) {
      if (deletion.apply(result) instanceof ObjectNode deleted) {
        result = deleted;
      }
    }
    return result;
  }

  private static Pattern glob(String pattern) {
    String text = pattern == null ? "" : pattern;
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
