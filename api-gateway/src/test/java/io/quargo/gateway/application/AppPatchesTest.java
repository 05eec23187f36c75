package io.quargo.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** JSON Patch (RFC 6902) and JSON Merge Patch (RFC 7386) over an app, as Argo CD's app patch. */
class AppPatchesTest {

  private static final JsonNode APP =
      json(
          """
          {"metadata": {"name": "guestbook", "labels": {"team": "a", "tier": "web"}},
           "spec": {"project": "default",
                    "source": {"repoURL": "https://r.test/x.git", "targetRevision": "main"},
                    "syncPolicy": {"syncOptions": ["CreateNamespace=true", "PruneLast=true"]}}}
          """);

  @Test
  void aJsonPatchAddsReplacesRemovesMovesCopiesAndTests() {
    JsonNode out =
        AppPatches.apply(
            APP,
            "json",
            json(
                """
                [{"op": "test", "path": "/spec/project", "value": "default"},
                 {"op": "replace", "path": "/spec/source/targetRevision", "value": "v2"},
                 {"op": "add", "path": "/spec/syncPolicy/syncOptions/-", "value": "Validate=false"},
                 {"op": "add", "path": "/spec/syncPolicy/syncOptions/0", "value": "First=true"},
                 {"op": "remove", "path": "/metadata/labels/tier"},
                 {"op": "copy", "from": "/metadata/labels/team", "path": "/metadata/labels/owner"},
                 {"op": "move", "from": "/metadata/labels/team", "path": "/metadata/labels/a~1b"}]
                """));
    assertThat(out.at("/spec/source/targetRevision").asText()).isEqualTo("v2");
    assertThat(out.at("/spec/syncPolicy/syncOptions").toString())
        .isEqualTo(
            "[\"First=true\",\"CreateNamespace=true\",\"PruneLast=true\",\"Validate=false\"]");
    assertThat(out.at("/metadata/labels").toString()).isEqualTo("{\"owner\":\"a\",\"a/b\":\"a\"}");
    assertThat(APP.at("/spec/source/targetRevision").asText())
        .as("input unchanged")
        .isEqualTo("main");
  }

  @Test
  void aMergePatchMergesObjectsReplacesListsAndDeletesOnNull() {
    JsonNode out =
        AppPatches.apply(
            APP,
            "merge",
            json(
                """
                {"metadata": {"labels": {"tier": null, "env": "prod"}},
                 "spec": {"source": {"targetRevision": "v3"},
                          "syncPolicy": {"syncOptions": ["Replace=true"]}}}
                """));
    assertThat(out.at("/metadata/labels").toString())
        .isEqualTo("{\"team\":\"a\",\"env\":\"prod\"}");
    assertThat(out.at("/spec/source").toString())
        .isEqualTo("{\"repoURL\":\"https://r.test/x.git\",\"targetRevision\":\"v3\"}");
    assertThat(out.at("/spec/syncPolicy/syncOptions").toString()).isEqualTo("[\"Replace=true\"]");
  }

  @Test
  void aPatchThatDoesNotApplyIsA400NamingTheOperation() {
    assertProblem(
        "json", "[{\"op\": \"remove\", \"path\": \"/spec/nothing\"}]", "patch[0]", "/spec/nothing");
    assertProblem(
        "json",
        "[{\"op\": \"replace\", \"path\": \"/spec/project\", \"value\": \"x\"},"
            + " {\"op\": \"test\", \"path\": \"/spec/project\", \"value\": \"default\"}]",
        "patch[1]",
        "test failed");
    assertProblem("json", "[{\"op\": \"jump\", \"path\": \"/spec\"}]", "patch[0].op", "jump");
    assertProblem(
        "json", "[{\"op\": \"add\", \"path\": \"/spec/x\"}]", "patch[0].value", "required");
    assertProblem(
        "json", "[{\"op\": \"add\", \"path\": \"spec\", \"value\": 1}]", "patch[0].path", "/");
    assertProblem(
        "json",
        "[{\"op\": \"add\", \"path\": \"/spec/syncPolicy/syncOptions/9\", \"value\": 1}]",
        "patch[0]",
        "does not exist");
    assertProblem("json", "{\"spec\": {}}", "patch", "list of operations");
    assertProblem("strategic", "{}", "patchType", "json or merge");
  }

  private static void assertProblem(String type, String patch, String field, String says) {
    assertThatThrownBy(() -> AppPatches.apply(APP, type, json(patch)))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              var problem = ((ProblemException) e).problem();
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.errors())
                  .anySatisfy(
                      err -> {
                        assertThat(err.field()).isEqualTo(field);
                        assertThat(err.message()).contains(says);
                      });
            });
  }

  private static JsonNode json(String text) {
    return Json.fromJson(text, JsonNode.class);
  }
}
