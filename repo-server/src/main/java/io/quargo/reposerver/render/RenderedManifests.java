package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The objects a source renders to, each with the repository file it came from. */
public record RenderedManifests(
    SourceType sourceType, List<ObjectNode> manifests, List<String> origins) {

  public RenderedManifests {
    if (manifests.size() != origins.size()) {
      throw new IllegalArgumentException("one origin per manifest");
    }
    manifests = List.copyOf(manifests);
    origins = List.copyOf(origins);
  }
}
