package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code replicas}: sets spec.replicas of the workloads whose current or any earlier name matches.
 */
final class ReplicaTransformer {

  /** One entry of {@code replicas}. */
  record Replica(String name, long count) {}

  private ReplicaTransformer() {}

  static Replica parse(JsonNode entry, String file) {
    JsonNode count = entry.get("count");
    if (entry.path("name").asText("").isEmpty() || count == null || !count.canConvertToLong()) {
      if (count != null && count.isTextual() && count.asText().matches("\\d+")) {
        return new Replica(entry.path("name").asText(), Long.parseLong(count.asText()));
      }
      throw new KustomizeException(
          file, "every replicas entry needs a name and an integer count: " + entry);
    }
    return new Replica(entry.path("name").asText(), count.asLong());
  }

  static void apply(ResourceMap resources, List<Replica> replicas, String file) {
    for (Replica replica : replicas) {
      boolean found = false;
      for (KResource resource : resources) {
        if (!resource.name().equals(replica.name())
            && resource.previousIds.stream().noneMatch(id -> id.name().equals(replica.name()))) {
          continue;
        }
        for (FieldSpec spec : FieldSpecTables.replicas()) {
          if (spec.selects(resource.gvk())) {
            found = true;
            spec.visit(resource.object, (parent, field) -> parent.put(field, replica.count()));
          }
        }
      }
      if (!found) {
        throw new KustomizeException(
            file,
            "replicas entry \""
                + replica.name()
                + "\" matches no Deployment, StatefulSet, ReplicaSet or ReplicationController");
      }
    }
  }
}
