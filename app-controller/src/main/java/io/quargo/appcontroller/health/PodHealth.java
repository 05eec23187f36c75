package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * core/Pod: waiting errors of long-running pods, then the phase. Pods that run to completion
 * (restartPolicy OnFailure or Never, typically hooks) are Progressing while they run and are not
 * failed early for a waiting error. An unset restartPolicy counts as Always, the server default.
 */
final class PodHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    JsonNode status = live.path("status");
    String message = Fields.text(status, "message");
    String restartPolicy = Fields.text(live, "spec", "restartPolicy");
    boolean always = restartPolicy.isEmpty() || "Always".equals(restartPolicy);
    if (always) {
      List<String> errors = new ArrayList<>();
      for (JsonNode container : status.path("containerStatuses")) {
        JsonNode waiting = container.path("state").path("waiting");
        String reason = waiting.path("reason").asText("");
        if (waiting.isObject() && isError(reason)) {
          errors.add(waiting.path("message").asText(""));
        }
      }
      if (!errors.isEmpty()) {
        return HealthStatus.degraded(String.join(", ", errors));
      }
    }
    return switch (Fields.text(status, "phase")) {
      case "Pending" -> HealthStatus.progressing(message);
      case "Succeeded" -> HealthStatus.healthy(message);
      case "Failed" -> HealthStatus.degraded(message.isEmpty() ? failMessage(status) : message);
      case "Running" -> running(status, message, always);
      default -> HealthStatus.unknown(message);
    };
  }

  private static boolean isError(String reason) {
    return reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
  }

  private static HealthStatus running(JsonNode status, String message, boolean always) {
    if (!always) {
      return HealthStatus.progressing(message);
    }
    if (isReady(status)) {
      return HealthStatus.healthy(message);
    }
    for (JsonNode container : status.path("containerStatuses")) {
      if (container.path("lastState").path("terminated").isObject()) {
        return HealthStatus.degraded(message);
      }
    }
    return HealthStatus.progressing(message);
  }

  private static boolean isReady(JsonNode status) {
    for (JsonNode condition : status.path("conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }

  private static String failMessage(JsonNode status) {
    List<JsonNode> containers = new ArrayList<>();
    status.path("initContainerStatuses").forEach(containers::add);
    status.path("containerStatuses").forEach(containers::add);
    for (JsonNode container : containers) {
      JsonNode terminated = container.path("state").path("terminated");
      if (!terminated.isObject()) {
        continue;
      }
      if (!terminated.path("message").asText("").isEmpty()) {
        return terminated.path("message").asText();
      }
      if ("OOMKilled".equals(terminated.path("reason").asText())) {
        return "OOMKilled";
      }
      long exitCode = terminated.path("exitCode").asLong(0);
      if (exitCode != 0) {
        return "container \"%s\" failed with exit code %d"
            .formatted(container.path("name").asText(), exitCode);
      }
    }
    return "";
  }
}
