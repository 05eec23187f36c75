package io.quargo.appcontroller.diff;

import io.quargo.common.model.application.ResourceIgnoreDifferences;
import java.util.List;

/**
 * How to compare: the app's {@code spec.ignoreDifferences} and the namespace a desired object
 * without one is deployed to (the app's destination namespace; "" when none).
 */
public record DiffOptions(
    List<ResourceIgnoreDifferences> ignoreDifferences, String defaultNamespace) {

  public DiffOptions {
    ignoreDifferences = ignoreDifferences == null ? List.of() : List.copyOf(ignoreDifferences);
    defaultNamespace = defaultNamespace == null ? "" : defaultNamespace;
  }

  /** No ignored differences and no default namespace. */
  public static DiffOptions defaults() {
    return new DiffOptions(List.of(), "");
  }

  public DiffOptions withIgnoreDifferences(List<ResourceIgnoreDifferences> rules) {
    return new DiffOptions(rules, defaultNamespace);
  }

  public DiffOptions withDefaultNamespace(String namespace) {
    return new DiffOptions(ignoreDifferences, namespace);
  }
}
