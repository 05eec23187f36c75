package io.quargo.appcontroller.application;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.testkit.git.GitServer;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Given-style helpers for app-controller's end-to-end tests: a guestbook repo and its app. */
public final class AppFixtures {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  public static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: guestbook-ui
      spec:
        replicas: %d
        revisionHistoryLimit: 3
        selector:
          matchLabels:
            app: guestbook-ui
        template:
          metadata:
            labels:
              app: guestbook-ui
          spec:
            containers:
              - name: guestbook-ui
                image: gcr.io/heptio-images/ks-guestbook-demo:0.2
                ports:
                  - containerPort: 80
      """;

  public static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: guestbook-ui
      spec:
        ports:
          - port: 80
            targetPort: 80
        selector:
          app: guestbook-ui
      """;

  private AppFixtures() {}

  /** A name no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() % 100000 + "-" + UNIQUE.incrementAndGet();
  }

  /** A new repository holding Argo's guestbook under {@code guestbook/}; returns its name. */
  public static String guestbookRepo(GitServer git) {
    String repo = git.createUniqueRepo("guestbook");
    git.commit(
        repo,
        Map.of(
            "guestbook/guestbook-ui-deployment.yaml",
            DEPLOYMENT.formatted(1),
            "guestbook/guestbook-ui-svc.yaml",
            SERVICE),
        "guestbook");
    return repo;
  }

  /** The guestbook Application for {@code repoUrl} into {@code namespace} (created on sync). */
  public static ObjectNode guestbookApp(String name, String repoUrl, String namespace) {
    ObjectNode app = Json.mapper().createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1");
    app.put("kind", "Application");
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec");
    spec.put("project", "default");
    spec.putObject("source")
        .put("repoURL", repoUrl)
        .put("targetRevision", "main")
        .put("path", "guestbook");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", namespace);
    spec.putObject("syncPolicy").putArray("syncOptions").add("CreateNamespace=true");
    return app;
  }

  /** POSTs {@code app}; returns the stored one. */
  public static JsonNode create(ObjectNode app) {
    String body =
        given()
            .contentType(ContentType.JSON)
            .body(app.toString())
            .when()
            .post("/api/v1/applications")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return read(body);
  }

  /** GETs the app. */
  public static JsonNode get(String name) {
    return read(
        given()
            .when()
            .get("/api/v1/applications/" + name)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** status.sync.status of the app. */
  public static String syncStatus(String name) {
    return get(name).path("status").path("sync").path("status").asText(null);
  }

  /** status.health.status of the app. */
  public static String health(String name) {
    return get(name).path("status").path("health").path("status").asText(null);
  }

  public static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
