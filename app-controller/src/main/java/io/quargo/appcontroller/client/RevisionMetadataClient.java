package io.quargo.appcontroller.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.config.ControllerConfig;
import io.quargo.common.json.Json;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks repo-server for Argo's RevisionMetadata of a commit (author, date, message, tags) for the
 * app route {@code GET .../revisions/{revision}/metadata}: empty when repo-server answers 404 (no
 * such revision), a {@link RenderException} with its detail on other failures.
 */
@ApplicationScoped
public class RevisionMetadataClient {

  /** repo-server's revision metadata endpoint; only this class calls it. */
  @Path("/api/v1/repositories/{repo}/revisions/{revision}/metadata")
  interface Api {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response metadata(
        @PathParam("repo") @Encoded String repo, @PathParam("revision") @Encoded String revision);
  }

  private final Api api;
  private final String url;

  public RevisionMetadataClient(ControllerConfig config) {
    ControllerConfig.RepoServer repoServer = config.repoServer();
    this.url = repoServer.url();
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(url))
            .connectTimeout(repoServer.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(repoServer.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(Api.class);
  }

  /** The metadata of {@code revision} (branch, tag or SHA) of {@code repoURL}; empty on 404. */
  public Optional<ObjectNode> metadata(String repoURL, String revision) {
    Response answer;
    try {
      answer = api.metadata(encode(repoURL.trim()), encode(revision));
    } catch (WebApplicationException e) {
      answer = e.getResponse();
    } catch (ProcessingException e) {
      throw new RenderException(0, "repo-server at " + url + " did not answer: " + e, e);
    }
    try (Response response = answer) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      if (status == 404) {
        return Optional.empty();
      }
      JsonNode json = Json.mapper().readTree(text.isBlank() ? "{}" : text);
      if (status >= 300) {
        throw new RenderException(
            status,
            json.hasNonNull("detail")
                ? json.get("detail").asText()
                : "repo-server answered " + status,
            null);
      }
      if (!(json instanceof ObjectNode metadata)) {
        throw new RenderException(200, "repo-server answered with no metadata object", null);
      }
      return Optional.of(metadata);
    } catch (JsonProcessingException e) {
      throw new RenderException(status(answer), "repo-server answered with invalid JSON", e);
    }
  }

  private static int status(Response response) {
    return response.getStatus();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
