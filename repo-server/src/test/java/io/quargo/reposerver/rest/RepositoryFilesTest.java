package io.quargo.reposerver.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/repositories/{repo}/files}: a file at a revision, for $ref value files. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RepositoryFilesTest {

  @Test
  void aFileIsReadAtTheRevisionAskedFor() {
    GitServer git = GitServer.shared();
    String name = git.createUniqueRepo("values");
    String first = git.commit(name, Map.of("env/values.yaml", "replicas: 3\n"), "three");
    String second = git.commit(name, Map.of("env/values.yaml", "replicas: 5\n"), "five");
    String files =
        "/api/v1/repositories/"
            + URLEncoder.encode(git.url(name), StandardCharsets.UTF_8)
            + "/files";

    given()
        .urlEncodingEnabled(false)
        .get(files + "?revision=" + first + "&path=env/values.yaml")
        .then()
        .statusCode(200)
        .body("revision", equalTo(first))
        .body("content", equalTo("replicas: 3\n"));
    given()
        .urlEncodingEnabled(false)
        .get(files + "?revision=main&path=env/values.yaml")
        .then()
        .statusCode(200)
        .body("revision", equalTo(second))
        .body("content", equalTo("replicas: 5\n"));
    given()
        .urlEncodingEnabled(false)
        .get(files + "?revision=main")
        .then()
        .statusCode(200)
        .body("revision", equalTo(second));
    given()
        .urlEncodingEnabled(false)
        .get(files + "?revision=main&path=env/missing.yaml")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .urlEncodingEnabled(false)
        .get(files + "?revision=main&path=../../etc/passwd")
        .then()
        .statusCode(400);
  }
}
