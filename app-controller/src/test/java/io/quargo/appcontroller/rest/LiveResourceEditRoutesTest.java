package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.guestbookRepo;
import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given the guestbook synced into a namespace: {@code POST .../resource} patches a live resource of
 * the app with each of the three patch types and answers the patched object, {@code DELETE
 * .../resource} deletes one (or a child such as a Pod); a resource outside the app is a 404 and a
 * bad patch a 400, with nothing changed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class LiveResourceEditRoutesTest {

  private static final String MERGE = "application/merge-patch+json";

  GitServer git;

  @Inject KubernetesClient client;

  String app;
  String namespace;

  @BeforeEach
  void syncedGuestbook() {
    app = unique("edit");
    namespace = unique("edit");
    create(guestbookApp(app, git.url(guestbookRepo(git)), namespace));
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(app)));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + app + "/sync")
        .then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> deployment() != null && service() != null);
  }

  @Test
  void aMergePatchSentAsAJsonStringChangesTheLiveObjectAndIsAnswered() {
    JsonNode answer =
        patch(
                "apps",
                "Deployment",
                MERGE,
                "\"{\\\"metadata\\\":{\\\"labels\\\":{\\\"patched\\\":\\\"yes\\\"}}}\"")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);
    JsonNode manifest = read(answer.path("manifest").asText());
    assertThat(manifest.at("/metadata/labels/patched").asText()).isEqualTo("yes");
    assertThat(manifest.at("/kind").asText()).isEqualTo("Deployment");
    assertThat(deployment().getMetadata().getLabels()).containsEntry("patched", "yes");
  }

  @Test
  void aJsonPatchSentAsAnArrayReplacesTheReplicas() {
    patch(
            "apps",
            "Deployment",
            "application/json-patch+json",
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]")
        .then()
        .statusCode(200);
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void aStrategicMergePatchMergesContainersByName() {
    patch(
            "apps",
            "Deployment",
            "application/strategic-merge-patch+json",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"guestbook-ui\",\"image\":\"nginx:1.27\"}]}}}}")
        .then()
        .statusCode(200);
    var container = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("nginx:1.27");
    assertThat(container.getPorts()).as("kept by the strategic merge").hasSize(1);
  }

  @Test
  void aBadPatchIsABadRequestAndChangesNothing() {
    Deployment before = deployment();
    patch("apps", "Deployment", "application/yaml", "{\"metadata\":{}}")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("patchType"));
    patch("apps", "Deployment", MERGE, "[{\"op\":\"remove\",\"path\":\"/spec\"}]")
        .then()
        .statusCode(400)
        .body("detail", containsString("must be a JSON object"));
    patch("apps", "Deployment", "application/json-patch+json", "{\"spec\":{}}")
        .then()
        .statusCode(400)
        .body("detail", containsString("array"));
    patch("apps", "Deployment", MERGE, "\"{not json\"")
        .then()
        .statusCode(400)
        .body("detail", containsString("not JSON"));
    patch("apps", "Deployment", MERGE, "")
        .then()
        .statusCode(400)
        .body("detail", containsString("patch"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}")
        .post("/api/v1/applications/%s/resource?kind=Deployment&group=apps".formatted(app))
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceName"));
    Deployment after = deployment();
    assertThat(after.getSpec()).isEqualTo(before.getSpec());
    assertThat(after.getMetadata().getLabels()).isEqualTo(before.getMetadata().getLabels());
  }

  @Test
  void aResourceOutsideTheAppIsNotFoundForPatchAndDelete() {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("not-managed")
                .endMetadata()
                .build())
        .create();
    given()
        .contentType(ContentType.JSON)
        .queryParam("patchType", MERGE)
        .body("{\"data\":{\"a\":\"b\"}}")
        .post(target("", "ConfigMap", "not-managed"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("part of application " + app));
    given().delete(target("", "ConfigMap", "not-managed")).then().statusCode(404);
    assertThat(client.configMaps().inNamespace(namespace).withName("not-managed").get().getData())
        .isNullOrEmpty();
    given()
        .delete(
            "/api/v1/applications/%s/resource?kind=Deployment&group=apps&namespace=kube-system&resourceName=guestbook-ui"
                .formatted(app))
        .then()
        .statusCode(404);
    given()
        .delete(
            target("apps", "Deployment", "guestbook-ui").replace("/" + app + "/", "/no-such-app/"))
        .then()
        .statusCode(404);
    assertThat(deployment()).isNotNull();
  }

  @Test
  void deleteRemovesAManagedResourceAndAChildOfOne() {
    given().delete(target("", "Service", "guestbook-ui")).then().statusCode(200);
    assertThat(service()).isNull();

    await().atMost(Duration.ofSeconds(30)).until(() -> !pods().isEmpty());
    String pod = pods().get(0).getMetadata().getName();
    given().delete(target("", "Pod", pod) + "&force=true").then().statusCode(200);
    assertThat(client.pods().inNamespace(namespace).withName(pod).get()).isNull();

    given()
        .delete(target("apps", "Deployment", "guestbook-ui") + "&orphan=maybe")
        .then()
        .statusCode(400)
        .body("detail", containsString("orphan"));
    given()
        .delete(target("apps", "Deployment", "guestbook-ui") + "&orphan=true")
        .then()
        .statusCode(200);
    assertThat(deployment()).isNull();
  }

  @Test
  void orphanLeavesTheDependentsForceDeletesInTheBackgroundOtherwiseForeground() {
    assertThat(LiveResourceEditResource.propagation(false, false))
        .isEqualTo(DeletionPropagation.FOREGROUND);
    assertThat(LiveResourceEditResource.propagation(true, false))
        .isEqualTo(DeletionPropagation.BACKGROUND);
    assertThat(LiveResourceEditResource.propagation(false, true))
        .isEqualTo(DeletionPropagation.ORPHAN);
    assertThat(LiveResourceEditResource.propagation(true, true))
        .isEqualTo(DeletionPropagation.ORPHAN);
  }

  private Response patch(String group, String kind, String patchType, String body) {
    return given()
        .contentType(ContentType.JSON)
        .queryParam("patchType", patchType)
        .body(body)
        .post(target(group, kind, "guestbook-ui"));
  }

  private String target(String group, String kind, String name) {
    String version = "v1";
    return "/api/v1/applications/%s/resource?group=%s&version=%s&kind=%s&namespace=%s&resourceName=%s"
        .formatted(app, group, version, kind, namespace, name);
  }

  private List<Pod> pods() {
    return client.pods().inNamespace(namespace).withLabel("app", "guestbook-ui").list().getItems();
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }

  private io.fabric8.kubernetes.api.model.Service service() {
    return client.services().inNamespace(namespace).withName("guestbook-ui").get();
  }
}
