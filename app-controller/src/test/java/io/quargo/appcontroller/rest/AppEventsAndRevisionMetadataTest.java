package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given the guestbook synced into a namespace: {@code GET .../events} answers the Events of the
 * Application (among them the ResourceUpdated a patch through the API records) or of one resource
 * of its tree, never those of other objects; {@code GET .../revisions/{revision}/metadata} answers
 * the author, date, message and tags of a commit of the app's repository.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class AppEventsAndRevisionMetadataTest {

  GitServer git;

  @Inject KubernetesClient client;

  String app;
  String namespace;
  String repo;

  @BeforeEach
  void syncedGuestbook() {
    app = unique("events");
    namespace = unique("events");
    repo = guestbookRepo(git);
    create(guestbookApp(app, git.url(repo), namespace));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(app)));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + app + "/sync")
        .then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> deployment() != null);
  }

  @Test
  void theApplicationsEventsIncludeThoseOfChangesMadeThroughTheApi() {
    event("argocd", "Application", "someone-else", null, "OperationStarted");
    event("argocd", "Application", app, null, "OperationStarted");
    given()
        .contentType(ContentType.JSON)
        .queryParam("patchType", "application/merge-patch+json")
        .body("{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}")
        .post(
            "/api/v1/applications/%s/resource?group=apps&version=v1&kind=Deployment&namespace=%s&resourceName=guestbook-ui"
                .formatted(app, namespace))
        .then()
        .statusCode(200);

    JsonNode list = events("");
    assertThat(list.path("kind").asText()).isEqualTo("EventList");
    assertThat(list.path("metadata").isObject()).isTrue();
    assertThat(reasons(list)).contains("OperationStarted", "ResourceUpdated");
    for (JsonNode item : list.path("items")) {
      assertThat(item.at("/involvedObject/name").asText()).isEqualTo(app);
    }
    assertThat(messages(list)).contains("OperationStarted of " + app);
    JsonNode updated = patched(list);
    assertThat(updated.path("reason").asText()).isEqualTo("ResourceUpdated");
    assertThat(updated.at("/involvedObject/kind").asText()).isEqualTo("Application");
    assertThat(updated.path("type").asText()).isEqualTo("Normal");
  }

  @Test
  void aResourcesEventsAreThoseOfThatObjectOnly() {
    String uid = deployment().getMetadata().getUid();
    event(namespace, "Deployment", "guestbook-ui", uid, "ScalingReplicaSet");
    event(namespace, "Deployment", "guestbook-ui", "another-uid", "FromAnOlderObject");
    event(namespace, "Deployment", "other-deployment", null, "NotOurs");

    JsonNode list =
        events(
            "?resourceNamespace=%s&resourceName=guestbook-ui&resourceUID=%s"
                .formatted(namespace, uid));
    assertThat(reasons(list)).containsExactly("ScalingReplicaSet");
    assertThat(
            reasons(events("?resourceNamespace=%s&resourceName=guestbook-ui".formatted(namespace))))
        .contains("ScalingReplicaSet")
        .doesNotContain("NotOurs");
  }

  @Test
  void aResourceOutsideTheAppOrAnUnknownAppIsNotFound() {
    given()
        .get(
            "/api/v1/applications/%s/events?resourceNamespace=%s&resourceName=other-deployment"
                .formatted(app, namespace))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("part of application " + app));
    given()
        .get(
            "/api/v1/applications/%s/events?resourceNamespace=kube-system&resourceName=guestbook-ui"
                .formatted(app))
        .then()
        .statusCode(404);
    given().get("/api/v1/applications/no-such-app/events").then().statusCode(404);
    given()
        .get("/api/v1/applications/%s/events?resourceUID=abc".formatted(app))
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceName"));
  }

  @Test
  void revisionMetadataDescribesACommitOfTheAppsRepository() {
    String sha = git.commit(repo, Map.of("README.md", "hello\n"), "add a readme\n\nbody");
    git.tag(repo, "v1.2.3", sha);
    given()
        .get("/api/v1/applications/%s/revisions/%s/metadata".formatted(app, sha))
        .then()
        .statusCode(200)
        .body("author", org.hamcrest.Matchers.equalTo("Quargo Devstack <devstack@quargo.local>"))
        .body("message", org.hamcrest.Matchers.equalTo("add a readme\n\nbody"))
        .body("tags", org.hamcrest.Matchers.contains("v1.2.3"))
        .body("signatureInfo", org.hamcrest.Matchers.equalTo(""))
        .body("date", org.hamcrest.Matchers.endsWith("Z"));
    given()
        .get("/api/v1/applications/%s/revisions/no-such-branch/metadata".formatted(app))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-branch"));
    given()
        .get("/api/v1/applications/%s/revisions/main/metadata?sourceIndex=3".formatted(app))
        .then()
        .statusCode(400)
        .body("detail", containsString("sourceIndex"));
    given().get("/api/v1/applications/no-such-app/revisions/main/metadata").then().statusCode(404);
  }

  private void event(String ns, String kind, String name, String uid, String reason) {
    client
        .v1()
        .events()
        .inNamespace(ns)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(unique(reason.toLowerCase()))
                .withNamespace(ns)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(name)
                .withNamespace(ns)
                .withUid(uid)
                .endInvolvedObject()
                .withReason(reason)
                .withType("Normal")
                .withMessage(reason + " of " + name)
                .build())
        .create();
  }

  private JsonNode events(String query) {
    return AppEventLists.events(app, query);
  }

  private static List<String> reasons(JsonNode list) {
    return AppEventLists.each(list, "reason");
  }

  private static List<String> messages(JsonNode list) {
    return AppEventLists.each(list, "message");
  }

  /** The Event of the patch through the API (among those of the app's sync and status). */
  private static JsonNode patched(JsonNode list) {
    for (JsonNode item : list.path("items")) {
      if (item.path("message").asText().contains("apps/Deployment 'guestbook-ui'")) {
        return item;
      }
    }
    throw new AssertionError("no event of the patch in " + list);
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }
}
