package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * {@code scale} of a Deployment or StatefulSet, as Argo CD's {@code scale} action: it takes one
 * parameter, {@code replicas}, and sets {@code spec.replicas} to it. The listing offers the current
 * {@code spec.replicas} as the default and, as Argo's discovery did when the action came, {@code
 * hasParameters}, the {@code regexp} of a valid value and the {@code errorMessage} to show. A value
 * that is missing, not a whole number, negative or beyond {@code spec.replicas}' int32 is a 400
 * naming the parameter, and the resource is left as it was.
 */
final class ScaleAction {

  static final String NAME = "scale";
  static final String REPLICAS = "replicas";
  static final String REGEXP = "^[0-9]+$";
  static final String ERROR_MESSAGE = "Enter a whole number of replicas, 0 or more";

  private static final BigInteger MAX_REPLICAS = BigInteger.valueOf(Integer.MAX_VALUE);

  private ScaleAction() {}

  /** The listing of {@code scale} for {@code live}, its default the current replica count. */
  static ResourceAction listing(ObjectNode live) {
    String current = live.path("spec").path("replicas").asText("1");
    return new ResourceAction(
        NAME,
        false,
        "fa fa-fw fa-plus-circle",
        List.of(new ActionParam(REPLICAS, "", "number", current)),
        true,
        ERROR_MESSAGE,
        REGEXP);
  }

  /** The merge patch setting {@code spec.replicas} to the {@code replicas} parameter. */
  static ActionChange scale(Map<String, String> params) {
    String value = params.get(REPLICAS);
    if (value == null || value.isBlank()) {
      throw invalid("is required: give resourceActionParameters [{name: \"replicas\", value}]");
    }
    String trimmed = value.trim();
    if (trimmed.startsWith("-") && trimmed.substring(1).matches("[0-9]+")) {
      throw invalid("\"" + value + "\" is negative: replicas must be 0 or more");
    }
    if (!trimmed.matches("[0-9]+")) {
      throw invalid("\"" + value + "\" is not a whole number of replicas");
    }
    BigInteger replicas = new BigInteger(trimmed);
    if (replicas.compareTo(MAX_REPLICAS) > 0) {
      throw invalid("\"" + value + "\" is too large: replicas must be at most " + MAX_REPLICAS);
    }
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("spec").put("replicas", replicas.intValueExact());
    return new ActionChange.Patch(patch);
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalid("resourceActionParameters." + REPLICAS, message);
  }
}
