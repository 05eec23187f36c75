package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.Problem;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The gateway's way to app-controller's live resource patch and a revision's metadata, answered as
 * {@link AppControllerClient} answers: app-controller's 4xx problems (a 404 with its own detail)
 * pass through, its failures are a 502 and an unreachable app-controller a 503 problem. Neither
 * call is retried (a patch is not idempotent, a metadata read is cheap to ask again).
 */
@ApplicationScoped
public class LiveResourceClient {

  private final LiveResourceApi api;

  public LiveResourceClient(@RestClient LiveResourceApi api) {
    this.api = api;
  }

  /** {@code POST /applications/{name}/resource}: patches a live resource, answers {manifest}. */
  public JsonNode patchResource(String name, JsonNode patch, MultivaluedMap<String, String> query) {
    return answer(
        () -> api.patchResource(name, patch, query), "application " + name + " resource patch");
  }

  /** {@code GET /applications/{name}/revisions/{revision}/metadata}. */
  public JsonNode revisionMetadata(
      String name, String revision, MultivaluedMap<String, String> query) {
    return answer(
        () -> api.revisionMetadata(name, revision, query),
        "application " + name + " revision " + revision);
  }

  private static JsonNode answer(Supplier<Response> call, String what) {
    try (Response response = call.get()) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      JsonNode json;
      try {
        json = text.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
      } catch (Exception e) {
        json = null;
      }
      if (status < 400 && json != null) {
        return json;
      }
      String detail =
          json != null && json.hasNonNull("detail") ? json.get("detail").asText() : null;
      if (status >= 400 && status < 500) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (json != null) {
          for (JsonNode e : json.path("errors")) {
            errors.add(
                new Problem.FieldError(e.path("field").asText(""), e.path("message").asText("")));
          }
        }
        throw new ProblemException(
            Problem.of(
                status,
                detail != null ? detail : what + ": app-controller answered " + status,
                errors));
      }
      throw new ProblemException(
          502,
          "app-controller failed on "
              + what
              + " with HTTP "
              + status
              + (detail != null ? ": " + detail : "")
              + "; see app-controller's log");
    } catch (ProcessingException e) {
      throw new ProblemException(
          503,
          "app-controller is not reachable ("
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
              + "); check that it runs (./quargo status) and quarkus.rest-client.app-controller.url");
    }
  }
}
