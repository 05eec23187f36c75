package io.quargo.appcontroller.rest;

import static io.quargo.appcontroller.application.AppFixtures.DEPLOYMENT;
import static io.quargo.appcontroller.application.AppFixtures.SERVICE;
import static io.quargo.appcontroller.application.AppFixtures.create;
import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.syncStatus;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given an app of a Deployment, a Service and a CronJob synced into a namespace: {@code GET
 * .../resource/actions} lists what each offers, {@code POST .../resource/actions} restarts, pauses
 * and resumes the Deployment and makes a Job from the CronJob, scales the Deployment and a
 * StatefulSet with the v2 request's {@code replicas} parameter; an unknown action is a 400 naming
 * the available ones, a bad parameter a 400 naming it, a resource outside the app a 404.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ResourceActionRoutesTest {

  private static final String CRONJOB =
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          metadata:
            labels:
              job: nightly
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: report
                    image: busybox:1.36
                    command: ["echo", "report"]
      """;

  private static final String STATEFULSET =
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: store
      spec:
        replicas: 2
        serviceName: store
        selector:
          matchLabels:
            app: store
        template:
          metadata:
            labels:
              app: store
          spec:
            containers:
              - name: store
                image: redis:7
      """;

  /** One synced app for the class: the tests change only what each asserts on. */
  private static String app;

  private static String namespace;

  GitServer git;

  @Inject KubernetesClient client;

  @BeforeEach
  void syncedApp() {
    if (app != null) {
      return;
    }
    String repo = git.createUniqueRepo("actions");
    git.commit(
        repo,
        Map.of(
            "app/deployment.yaml",
            DEPLOYMENT.formatted(1),
            "app/service.yaml",
            SERVICE,
            "app/cronjob.yaml",
            CRONJOB,
            "app/statefulset.yaml",
            STATEFULSET),
        "deployment, service, cronjob and statefulset");
    String name = unique("actions");
    namespace = unique("actions");
    var spec = guestbookApp(name, git.url(repo), namespace);
    spec.withObjectProperty("spec").withObjectProperty("source").put("path", "app");
    create(spec);
    await().atMost(Duration.ofSeconds(60)).until(() -> "OutOfSync".equals(syncStatus(name)));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/applications/" + name + "/sync")
        .then()
        .statusCode(200);
    // The sync's operation may keep running while the CronJob waits for a first schedule; the
    // actions need only the objects to exist.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client.batch().v1().cronjobs().inNamespace(namespace).withName("nightly").get()
                        != null
                    && deployment() != null
                    && statefulSet() != null);
    app = name;
  }

  @Test
  void aDeploymentOffersRestartPauseAndResumeAndAServiceNothing() {
    JsonNode actions = list("apps", "Deployment", "guestbook-ui").path("actions");
    assertThat(names(actions)).containsExactly("restart", "pause", "resume", "scale");
    assertThat(actions.get(0).path("disabled").asBoolean()).isFalse();
    assertThat(list("", "Service", "guestbook-ui").path("actions")).isEmpty();
    assertThat(names(list("batch", "CronJob", "nightly").path("actions")))
        .containsExactly("create-job");
  }

  @Test
  void restartStampsThePodTemplateWithTheTime() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    given()
        .contentType(ContentType.JSON)
        .body("\"restart\"")
        .post(target("apps", "Deployment", "guestbook-ui"))
        .then()
        .statusCode(200);
    String restartedAt =
        deployment()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("kubectl.kubernetes.io/restartedAt");
    assertThat(restartedAt).as("RFC 3339 in UTC").endsWith("Z");
    assertThat(Instant.parse(restartedAt)).isAfterOrEqualTo(before);
  }

  @Test
  void pauseAndResumeToggleSpecPausedAndWhichOfThemIsDisabled() {
    run("apps", "Deployment", "guestbook-ui", "pause");
    assertThat(deployment().getSpec().getPaused()).isTrue();
    assertThat(disabled("pause")).isTrue();
    assertThat(disabled("resume")).isFalse();

    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"action": "resume", "group": "apps", "version": "v1", "kind": "Deployment",
             "namespace": "%s", "resourceName": "guestbook-ui"}"""
                .formatted(namespace))
        .post("/api/v1/applications/" + app + "/resource/actions/v2")
        .then()
        .statusCode(200);
    assertThat(deployment().getSpec().getPaused()).isFalse();
    assertThat(disabled("pause")).isFalse();
    assertThat(disabled("resume")).isTrue();
  }

  @Test
  void createJobMakesAManualJobOwnedByTheCronJob() {
    String uid =
        client
            .batch()
            .v1()
            .cronjobs()
            .inNamespace(namespace)
            .withName("nightly")
            .get()
            .getMetadata()
            .getUid();
    run("batch", "CronJob", "nightly", "create-job");
    List<Job> jobs =
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .withLabel("job", "nightly")
            .list()
            .getItems();
    assertThat(jobs).hasSize(1);
    Job job = jobs.get(0);
    assertThat(job.getMetadata().getName()).matches("nightly-[a-z0-9]{5}");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("CronJob");
              assertThat(owner.getUid()).isEqualTo(uid);
              assertThat(owner.getController()).isTrue();
            });
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("busybox:1.36");
  }

  @Test
  void anUnknownActionIsABadRequestListingTheAvailableOnes() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"action\": \"scale-to-zero\"}")
        .post(target("apps", "Deployment", "guestbook-ui"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("\"scale-to-zero\""))
        .body("detail", containsString("available: restart, pause, resume, scale"));
    given()
        .contentType(ContentType.JSON)
        .body("\"restart\"")
        .post(target("", "Service", "guestbook-ui"))
        .then()
        .statusCode(400)
        .body("detail", containsString("no actions"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(target("apps", "Deployment", "guestbook-ui"))
        .then()
        .statusCode(400)
        .body("detail", containsString("action"));
  }

  @Test
  void aResourceOutsideTheAppIsNotFound() {
    given()
        .get(target("apps", "Deployment", "someone-elses"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("part of application " + app));
    given()
        .contentType(ContentType.JSON)
        .body("\"restart\"")
        .post(
            "/api/v1/applications/%s/resource/actions?group=apps&version=v1&kind=Deployment&namespace=kube-system&resourceName=guestbook-ui"
                .formatted(app))
        .then()
        .statusCode(404);
  }

  @Test
  void scaleListsItsReplicasParameterWithTheCurrentCountAsDefault() {
    JsonNode scale = action(list("apps", "Deployment", "guestbook-ui"), "scale");
    assertThat(scale.path("hasParameters").asBoolean()).isTrue();
    assertThat(scale.path("regexp").asText()).isNotBlank();
    assertThat(scale.path("errorMessage").asText()).isNotBlank();
    JsonNode param = scale.path("params").get(0);
    assertThat(param.path("name").asText()).isEqualTo("replicas");
    assertThat(param.path("default").asText())
        .isEqualTo(String.valueOf(deployment().getSpec().getReplicas()));
    assertThat(action(list("apps", "Deployment", "guestbook-ui"), "restart").has("params"))
        .as("an action without input lists no params")
        .isFalse();
    JsonNode statefulSetScale = action(list("apps", "StatefulSet", "store"), "scale");
    assertThat(statefulSetScale.path("params").get(0).path("default").asText())
        .isEqualTo(String.valueOf(statefulSet().getSpec().getReplicas()));
  }

  @Test
  void scaleSetsSpecReplicasOfADeploymentAndAStatefulSet() {
    scale("Deployment", "guestbook-ui", "\"3\"").then().statusCode(200);
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(
            action(list("apps", "Deployment", "guestbook-ui"), "scale")
                .path("params")
                .get(0)
                .path("default")
                .asText())
        .isEqualTo("3");

    scale("StatefulSet", "store", "\"0\"").then().statusCode(200);
    assertThat(statefulSet().getSpec().getReplicas()).isZero();
  }

  @Test
  void aMissingNonNumericNegativeOrTooLargeReplicasIsABadRequestAndChangesNothing() {
    Integer before = statefulSet().getSpec().getReplicas();
    Map<String, String> cases =
        Map.of(
            "\"\"", "is required",
            "\"three\"", "not a whole number",
            "\"2.5\"", "not a whole number",
            "\"-1\"", "negative",
            "\"2147483648\"", "too large");
    cases.forEach(
        (value, problem) ->
            scale("StatefulSet", "store", value)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("resourceActionParameters.replicas"))
                .body("detail", containsString(problem)));
    given()
        .contentType(ContentType.JSON)
        .body(v2("StatefulSet", "store", "scale", ""))
        .post("/api/v1/applications/" + app + "/resource/actions/v2")
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceActionParameters.replicas: is required"));
    given()
        .contentType(ContentType.JSON)
        .body(v2("StatefulSet", "store", "scale", ", \"resourceActionParameters\": {\"x\": 1}"))
        .post("/api/v1/applications/" + app + "/resource/actions/v2")
        .then()
        .statusCode(400)
        .body("detail", containsString("resourceActionParameters: must be a list"));
    assertThat(statefulSet().getSpec().getReplicas()).isEqualTo(before);
  }

  private io.restassured.response.Response scale(String kind, String name, String value) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            v2(
                kind,
                name,
                "scale",
                ", \"resourceActionParameters\": [{\"name\": \"replicas\", \"value\": "
                    + value
                    + "}]"))
        .post("/api/v1/applications/" + app + "/resource/actions/v2");
  }

  private static String v2(String kind, String name, String action, String more) {
    return """
        {"action": "%s", "group": "apps", "version": "v1", "kind": "%s",
         "namespace": "%s", "resourceName": "%s"%s}"""
        .formatted(action, kind, namespace, name, more);
  }

  private static List<String> names(JsonNode actions) {
    List<String> names = new java.util.ArrayList<>();
    actions.forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  private static JsonNode action(JsonNode list, String name) {
    for (JsonNode a : list.path("actions")) {
      if (a.path("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError(name + " is not listed in " + list);
  }

  private StatefulSet statefulSet() {
    return client.apps().statefulSets().inNamespace(namespace).withName("store").get();
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(namespace).withName("guestbook-ui").get();
  }

  private boolean disabled(String action) {
    for (JsonNode a : list("apps", "Deployment", "guestbook-ui").path("actions")) {
      if (a.path("name").asText().equals(action)) {
        return a.path("disabled").asBoolean();
      }
    }
    throw new AssertionError(action + " is not listed");
  }

  private void run(String group, String kind, String name, String action) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"action\": \"" + action + "\"}")
        .post(target(group, kind, name))
        .then()
        .statusCode(200);
  }

  private JsonNode list(String group, String kind, String name) {
    return read(given().get(target(group, kind, name)).then().statusCode(200).extract().asString());
  }

  private String target(String group, String kind, String name) {
    String version = group.isEmpty() || group.equals("apps") || group.equals("batch") ? "v1" : "";
    return "/api/v1/applications/%s/resource/actions?group=%s&version=%s&kind=%s&namespace=%s&resourceName=%s"
        .formatted(app, group, version, kind, namespace, name);
  }
}
