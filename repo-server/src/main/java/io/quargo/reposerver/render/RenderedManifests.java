package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The objects a source renders to, each with the repository file it came from, and the repository
 * paths (files or folders) the render read besides the app's own folder: a change to one of them,
 * or under one, changes the output. {@code "."} stands for the whole repository (an external tool
 * that does not say what it read).
 */
public record RenderedManifests(
    SourceType sourceType,
    List<ObjectNode> manifests,
    List<String> origins,
    List<String> dependencies) {

  public RenderedManifests {
    if (manifests.size() != origins.size()) {
      throw new IllegalArgumentException("one origin per manifest");
    }
    manifests = List.copyOf(manifests);
    origins = List.copyOf(origins);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** Manifests that depend on nothing outside the app's folder. */
  public RenderedManifests(
      SourceType sourceType, List<ObjectNode> manifests, List<String> origins) {
    this(sourceType, manifests, origins, List.of());
  }

  /** The same manifests with {@code dependencies}. */
  public RenderedManifests withDependencies(List<String> dependencies) {
    return new RenderedManifests(sourceType, manifests, origins, dependencies);
  }
}
