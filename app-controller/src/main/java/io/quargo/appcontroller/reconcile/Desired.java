package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An app's desired objects from all its sources, the commit SHA of each source (in source order)
 * and the source type of the first.
 */
public record Desired(List<ObjectNode> manifests, List<String> revisions, String sourceType) {

  public Desired {
    manifests = List.copyOf(manifests);
    revisions = List.copyOf(revisions);
  }

  /** The first source's commit SHA ("" when none). */
  public String revision() {
    return revisions.isEmpty() ? "" : revisions.get(0);
  }
}
