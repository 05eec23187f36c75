package io.quargo.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quargo.common.json.Json;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.common.yaml.ManifestParseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionMappersTest {

  record Source(String repoURL, String path) {}

  record Spec(String project, Source source, List<Source> sources, int revisionHistoryLimit) {}

  private final ObjectMapper strict =
      Json.configure(new ObjectMapper()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void problemExceptionKeepsStatusAndFieldErrors() {
    Response response =
        new ProblemExceptionMapper()
            .toResponse(
                ProblemException.invalid(
                    "spec.source.path", "\"../x\" leaves the repository; use a path inside it"));

    JsonNode body = problemBody(response, 400);
    assertThat(body.get("title").asText()).isEqualTo("Bad Request");
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("detail").asText()).startsWith("spec.source.path: \"../x\" leaves");
    assertThat(body.at("/errors/0/field").asText()).isEqualTo("spec.source.path");
    assertThat(body.at("/errors/0/message").asText()).contains("leaves the repository");
  }

  @Test
  void notFoundHasNoErrorsField() {
    JsonNode body =
        problemBody(
            new ProblemExceptionMapper()
                .toResponse(ProblemException.notFound("application argocd/guestbook")),
            404);

    assertThat(body.get("detail").asText()).isEqualTo("application argocd/guestbook not found");
    assertThat(body.has("errors")).isFalse();
    assertThat(body.has("instance")).isFalse();
  }

  @Test
  void webApplicationExceptionsKeepTheirStatus() {
    WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    assertThat(problemBody(mapper.toResponse(new NotFoundException()), 404).get("detail").asText())
        .contains("no resource at this path");
    Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));
    assertThat(problemBody(notAllowed, 405).get("title").asText()).isEqualTo("Method Not Allowed");
    assertThat(notAllowed.getHeaderString("Allow")).contains("GET").contains("POST");
    assertThat(
            problemBody(mapper.toResponse(new NotSupportedException()), 415).get("detail").asText())
        .contains("Content-Type");
    assertThat(
            problemBody(mapper.toResponse(new WebApplicationException("gone for good", 410)), 410)
                .get("detail")
                .asText())
        .isEqualTo("gone for good");
  }

  @Test
  void malformedJsonWrappedByQuarkusRestNamesLineAndColumn() {
    JsonProcessingException cause = failure("{\n  \"project\": \"default\",\n  }", Spec.class);
    // What Quarkus REST's Jackson reader throws for a body that does not parse.
    WebApplicationException wrapped =
        new WebApplicationException(cause, Response.Status.BAD_REQUEST);

    JsonNode body = problemBody(new WebApplicationExceptionMapper().toResponse(wrapped), 400);

    assertThat(body.get("detail").asText())
        .startsWith("request body is not valid JSON at line 3, column 3: Unexpected character");
  }

  @Test
  void unknownFieldNamesItsPathAndTheKnownFields() {
    MismatchedInputException e =
        (MismatchedInputException)
            failure(
                "{\"project\":\"default\",\"sources\":[{\"repoURL\":\"x\",\"pth\":\"a\"}]}",
                Spec.class);

    JsonNode body = problemBody(new MismatchedInputExceptionMapper().toResponse(e), 400);

    assertThat(body.at("/errors/0/field").asText()).isEqualTo("sources[0].pth");
    assertThat(body.at("/errors/0/message").asText())
        .isEqualTo("unknown field \"pth\"; known fields: path, repoURL");
    assertThat(body.get("detail").asText())
        .isEqualTo(
            "request body does not match the expected shape at line 1, column 58:"
                + " sources[0].pth: unknown field \"pth\"; known fields: path, repoURL");
  }

  @Test
  void wrongTypeNamesPathAndExpectedType() {
    JsonProcessingException e =
        failure("{\"project\":\"default\",\n \"revisionHistoryLimit\":\"ten\"}", Spec.class);

    JsonNode body = problemBody(new JsonProcessingExceptionMapper().toResponse(e), 400);

    assertThat(body.at("/errors/0/field").asText()).isEqualTo("revisionHistoryLimit");
    assertThat(body.at("/errors/0/message").asText()).isEqualTo("value \"ten\" is not a valid int");
    assertThat(body.get("detail").asText()).contains("line 2, column 25");
  }

  @Test
  void manifestErrorsAre400WithTheirPosition() {
    ManifestParseException e =
        catchThrowableOfType(
            ManifestParseException.class, () -> ManifestCodec.readAll("a: 1\n---\nb: c: d\n"));

    JsonNode body = problemBody(new ManifestParseExceptionMapper().toResponse(e), 400);

    assertThat(body.get("detail").asText())
        .isEqualTo("document 2, line 3, column 5: mapping values are not allowed here");
  }

  @Test
  void anythingElseIs500WithoutInternals() {
    Response response =
        new UnhandledExceptionMapper()
            .toResponse(new IllegalStateException("password=hunter2 at db.internal:5432"));

    JsonNode body = problemBody(response, 500);
    assertThat(body.get("detail").asText())
        .startsWith("internal error, reference ")
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException");
    assertThat(body.toString()).doesNotContain("at io.quargo");
  }

  @Test
  void serverErrorsFromJaxRsDoNotLeakTheirMessage() {
    JsonNode body =
        problemBody(
            new WebApplicationExceptionMapper()
                .toResponse(new WebApplicationException("db.internal refused", 503)),
            503);

    assertThat(body.get("detail").asText()).doesNotContain("db.internal");
  }

  private JsonProcessingException failure(String json, Class<?> type) {
    return catchThrowableOfType(JsonProcessingException.class, () -> strict.readValue(json, type));
  }

  private static JsonNode problemBody(Response response, int status) {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType()).hasToString("application/problem+json");
    JsonNode body = Json.fromJson((String) response.getEntity(), JsonNode.class);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    return body;
  }
}
