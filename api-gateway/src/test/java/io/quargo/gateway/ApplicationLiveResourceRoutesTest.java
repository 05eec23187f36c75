package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.support.AppControllerStandIn;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's Argo CD routes on an app's live resources and history, against the app-controller
 * stand-in: PatchResource and DeleteResource pass the resource, patch type and flags on once the
 * request is valid (a bad one is a 400 and app-controller is not asked to write);
 * ListResourceEvents and RevisionMetadata answer app-controller's lists and metadata. RBAC of each
 * route: {@link RbacMatrixRoutes}; bad input: {@link BadInputRoutes}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class ApplicationLiveResourceRoutesTest {

  private static final String RESOURCE =
      "/api/v1/applications/guestbook/resource"
          + "?resourceName=guestbook-ui&kind=Deployment&group=apps&version=v1&namespace=default";
  private static final String MERGE = "application/merge-patch+json";

  private static String admin;

  @BeforeEach
  void seed() throws Exception {
    if (admin == null) {
      admin = tokenFor("admin");
    }
    APP_CONTROLLER.reset();
  }

  @Test
  void aPatchSentAsAJsonStringIsPassedOnAndThePatchedObjectAnswered() {
    Response r =
        as(admin)
            .queryParam("patchType", MERGE)
            .body("\"{\\\"metadata\\\":{\\\"labels\\\":{\\\"patched\\\":\\\"yes\\\"}}}\"")
            .post(RESOURCE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonNode manifest = Json.fromJson(r.jsonPath().getString("manifest"), JsonNode.class);
    assertThat(manifest.at("/metadata/labels/patched").asText()).isEqualTo("yes");
    assertThat(live().at("/metadata/labels/patched").asText()).isEqualTo("yes");
    assertThat(APP_CONTROLLER.live().edits())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q)
                  .containsEntry("patchType", MERGE)
                  .containsEntry("resourceName", "guestbook-ui")
                  .containsEntry("kind", "Deployment")
                  .containsEntry("group", "apps")
                  .containsEntry("namespace", "default");
            });
  }

  @Test
  void aPatchSentAsJsonAndAJsonPatchAreAcceptedToo() {
    as(admin)
        .body("{\"spec\":{\"replicas\":4}}")
        .post(RESOURCE)
        .then()
        .statusCode(200)
        .body("manifest", containsString("\"replicas\":4"));
    as(admin)
        .queryParam("patchType", "application/json-patch+json")
        .body("[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]")
        .post(RESOURCE)
        .then()
        .statusCode(200);
    assertThat(APP_CONTROLLER.live().edits())
        .extracting(q -> q.get("patchType"))
        .containsExactly(MERGE, "application/json-patch+json");
  }

  @Test
  void aBadPatchRequestIsA400AndNothingIsWritten() {
    String before = APP_CONTROLLER.snapshot();
    problem(as(admin).queryParam("patchType", "application/yaml").body("{}").post(RESOURCE), 400)
        .body("detail", containsString("patchType"));
    problem(as(admin).queryParam("patchType", MERGE).body("[1]").post(RESOURCE), 400)
        .body("detail", containsString("JSON object"));
    problem(
            as(admin)
                .queryParam("patchType", "application/json-patch+json")
                .body("{\"spec\":{}}")
                .post(RESOURCE),
            400)
        .body("detail", containsString("array"));
    problem(as(admin).body("\"{not json\"").post(RESOURCE), 400)
        .body("detail", containsString("not JSON"));
    problem(as(admin).body("{\"a\": {").post(RESOURCE), 400);
    problem(
            as(admin)
                .body("{}")
                .post("/api/v1/applications/guestbook/resource?kind=Deployment&group=apps"),
            400)
        .body("detail", containsString("resourceName"));
    problem(
            as(admin).delete("/api/v1/applications/guestbook/resource?resourceName=guestbook-ui"),
            400)
        .body("detail", containsString("kind"));
    problem(as(admin).delete(RESOURCE + "&orphan=maybe"), 400)
        .body("detail", containsString("orphan"));
    assertThat(APP_CONTROLLER.requests()).allMatch(q -> q.startsWith("GET "));
    assertThat(APP_CONTROLLER.snapshot()).isEqualTo(before);
  }

  @Test
  void aResourceOutsideTheAppOrAnUnknownAppIsNotFound() {
    String other = RESOURCE.replace("guestbook-ui", "someone-elses");
    problem(as(admin).body("{}").post(other), 404);
    problem(as(admin).delete(other), 404);
    problem(as(admin).body("{}").post(RESOURCE.replace("/guestbook/", "/no-such-app/")), 404)
        .body("detail", containsString("no-such-app"));
    assertThat(live()).isNotNull();
  }

  @Test
  void deletePassesOrphanAndForceOn() {
    as(admin).delete(RESOURCE + "&orphan=true&force=false").then().statusCode(200);
    assertThat(live()).isNull();
    assertThat(APP_CONTROLLER.live().edits())
        .singleElement()
        .satisfies(
            q -> assertThat(q).containsEntry("orphan", "true").containsEntry("force", "false"));
    assertThat(APP_CONTROLLER.requests())
        .contains("DELETE /api/v1/applications/guestbook/resource");
  }

  @Test
  void eventsOfTheAppOrOfOneResourceAreApplicationControllersEventList() {
    as(admin)
        .get("/api/v1/applications/guestbook/events")
        .then()
        .statusCode(200)
        .body("kind", equalTo("EventList"))
        .body("items[0].involvedObject.kind", equalTo("Application"))
        .body("items[0].involvedObject.name", equalTo("guestbook"));
    as(admin)
        .get(
            "/api/v1/applications/guestbook/events"
                + "?resourceNamespace=default&resourceName=guestbook-ui&resourceUID=u-1")
        .then()
        .statusCode(200)
        .body("items[0].involvedObject.name", equalTo("guestbook-ui"))
        .body("items[0].reason", equalTo("ScalingReplicaSet"));
    problem(as(admin).get("/api/v1/applications/guestbook/events?resourceUID=u-1"), 400)
        .body("detail", containsString("resourceName"));
    problem(as(admin).get("/api/v1/applications/no-such-app/events"), 404);
  }

  @Test
  void revisionMetadataIsAnsweredAndAnUnknownRevisionIsNotFound() {
    as(admin)
        .get("/api/v1/applications/guestbook/revisions/" + AppControllerStandIn.SHA + "/metadata")
        .then()
        .statusCode(200)
        .body("author", equalTo("Ada <ada@example.test>"))
        .body("message", equalTo("first commit"))
        .body("tags[0]", equalTo("v1.0.0"))
        .body("signatureInfo", equalTo(""));
    problem(as(admin).get("/api/v1/applications/guestbook/revisions/nope/metadata"), 404);
  }

  private static io.restassured.response.ValidatableResponse problem(Response r, int status) {
    return r.then().statusCode(status).contentType(containsString("application/problem+json"));
  }

  private static JsonNode live() {
    return APP_CONTROLLER.live().object("guestbook", "Deployment", "guestbook-ui");
  }
}
