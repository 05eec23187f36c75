package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.body.BodyChecks;

/**
 * The shapes of the application routes' bodies (Argo CD's Application, ApplicationSyncRequest and
 * ApplicationRollbackRequest), checked before anything reaches app-controller.
 */
final class ApplicationBodies {

  private static final String APPLICATION = "an Application {metadata: {name}, spec: {...}}";

  private ApplicationBodies() {}

  /** An Application: an object with a spec, and a name on create, binding to the Argo model. */
  static void checkApplication(JsonNode body, boolean create) {
    BodyChecks.object(body, APPLICATION);
    BodyChecks.optionalObject(body, "metadata", "metadata");
    if (create) {
      BodyChecks.requiredText(body.path("metadata"), "name", "metadata.name");
    } else {
      BodyChecks.optionalText(body.path("metadata"), "name", "metadata.name");
    }
    if (body.get("spec") == null || body.get("spec").isNull()) {
      throw ProblemException.invalid("spec", "is required (source, destination, project)");
    }
    BodyChecks.optionalObject(body, "spec", "spec");
    BodyChecks.typed(body, Application.class, "");
  }

  /**
   * A sync request ({@code revision, prune, dryRun, strategy, resources, ...}); none is {@code {}}.
   */
  static JsonNode checkSync(JsonNode body) {
    if (body == null) {
      return Json.mapper().createObjectNode();
    }
    BodyChecks.object(body, "a sync request {revision, prune, dryRun, strategy, resources}");
    BodyChecks.optionalText(body, "revision", "revision");
    BodyChecks.optionalBoolean(body, "prune", "prune");
    BodyChecks.optionalBoolean(body, "dryRun", "dryRun");
    BodyChecks.optionalObject(body, "strategy", "strategy");
    BodyChecks.optionalObject(body, "retryStrategy", "retryStrategy");
    BodyChecks.optionalObject(body, "syncOptions", "syncOptions");
    JsonNode resources = BodyChecks.optionalList(body, "resources", "resources");
    if (resources != null) {
      for (int i = 0; i < resources.size(); i++) {
        BodyChecks.object(resources.get(i), "resources[" + i + "] as {group, kind, name}");
      }
    }
    return body;
  }

  /**
   * A rollback request: {@code id} of a history entry (required), {@code prune}, {@code dryRun}.
   */
  static void checkRollback(JsonNode body) {
    BodyChecks.object(body, "a rollback request {id, prune, dryRun}");
    if (body.get("id") == null || body.get("id").isNull()) {
      throw ProblemException.invalid("id", "is required: the history entry to roll back to");
    }
    BodyChecks.optionalInteger(body, "id", "id");
    BodyChecks.optionalBoolean(body, "prune", "prune");
    BodyChecks.optionalBoolean(body, "dryRun", "dryRun");
  }
}
