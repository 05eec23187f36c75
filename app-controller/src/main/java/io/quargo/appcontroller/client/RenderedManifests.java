package io.quargo.appcontroller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What repo-server rendered for a source: the objects, the commit SHA the revision resolved to, and
 * the source type ({@code Directory}, {@code Helm}, {@code Kustomize}).
 */
public record RenderedManifests(List<ObjectNode> manifests, String revision, String sourceType) {

  public RenderedManifests {
    manifests = List.copyOf(manifests);
  }
}
