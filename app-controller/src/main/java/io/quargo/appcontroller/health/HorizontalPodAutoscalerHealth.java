package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * autoscaling/HorizontalPodAutoscaler: the first failing or able condition decides; autoscaling/v1
 * carries its conditions as JSON in the {@code autoscaling.alpha.kubernetes.io/conditions}
 * annotation, later versions in {@code status.conditions}.
 */
final class HorizontalPodAutoscalerHealth implements HealthCheck {

  static final String CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";
  private static final String WAITING = "Waiting to Autoscale";
  private static final Set<String> DEGRADED =
      Set.of(
          "AbleToScale/FailedGetScale",
          "AbleToScale/FailedUpdateScale",
          "ScalingActive/FailedGetResourceMetric",
          "ScalingActive/InvalidSelector");
  private static final Set<String> HEALTHY_TYPES = Set.of("AbleToScale", "ScalingLimited");

  @Override
  public HealthStatus check(ObjectNode live) {
    JsonNode conditions;
    if ("autoscaling/v1".equals(live.path("apiVersion").asText())) {
      String annotation = Fields.text(live, "metadata", "annotations", CONDITIONS_ANNOTATION);
      if (annotation.isEmpty()) {
        return HealthStatus.progressing(WAITING);
      }
      conditions = parse(annotation);
    } else {
      conditions = Fields.at(live, "status", "conditions");
    }
    for (JsonNode condition : conditions) {
      String type = condition.path("type").asText("");
      String message = condition.path("message").asText("");
      if (DEGRADED.contains(type + "/" + condition.path("reason").asText(""))) {
        return HealthStatus.degraded(message);
      }
      if (HEALTHY_TYPES.contains(type) && "True".equals(condition.path("status").asText())) {
        return HealthStatus.healthy(message);
      }
    }
    return HealthStatus.progressing(WAITING);
  }

  private static JsonNode parse(String annotation) {
    try {
      return Json.mapper().readTree(annotation);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "annotation " + CONDITIONS_ANNOTATION + " is not a JSON list of conditions", e);
    }
  }
}
