package io.quargo.common.json;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders the location of a Jackson binding error as a field path a person can follow. */
public final class JsonPaths {

  private JsonPaths() {}

  /**
   * The path of {@code e} in Kubernetes' notation, e.g. {@code spec.sources[1].path}; empty when
   * the error is at the root.
   */
  public static String of(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
