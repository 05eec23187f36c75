package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.guestbookApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The target state carries the destination namespace on namespaced objects that give none (as Argo
 * CD's does), so a diff against the live object shows no {@code namespace:} line; cluster-scoped
 * kinds stay without one, and a kind the cluster does not know yet counts as namespaced.
 */
class TargetNamespaceTest {

  private static final Map<String, Boolean> SCOPES =
      Map.of("apps/v1/Deployment", true, "v1/Namespace", false, "v1/ConfigMap", true);

  private final AppComparer comparer =
      new AppComparer(
          HealthAssessor.standard(),
          (apiVersion, kind) -> Optional.ofNullable(SCOPES.get(apiVersion + "/" + kind)));

  private final Application app =
      Json.mapper()
          .convertValue(guestbookApp("web", "git://example/repo", "web-ns"), Application.class);

  @Test
  void namespacedTargetObjectsGetTheDestinationNamespace() {
    Comparison c =
        comparer.compare(
            app,
            List.of(
                object("apps/v1", "Deployment", "ui", null), object("v1", "Namespace", "x", null)),
            List.of());

    assertThat(target(c, "Deployment").at("/metadata/namespace").asText()).isEqualTo("web-ns");
    assertThat(target(c, "Namespace").at("/metadata").has("namespace")).isFalse();
  }

  @Test
  void anExplicitNamespaceIsKept() {
    Comparison c =
        comparer.compare(app, List.of(object("v1", "ConfigMap", "cm", "other")), List.of());

    assertThat(target(c, "ConfigMap").at("/metadata/namespace").asText()).isEqualTo("other");
  }

  @Test
  void anUnknownKindCountsAsNamespaced() {
    Comparison c =
        comparer.compare(app, List.of(object("example.com/v1", "Widget", "w", null)), List.of());

    assertThat(target(c, "Widget").at("/metadata/namespace").asText()).isEqualTo("web-ns");
  }

  @Test
  void targetAndLiveDifferOnlyWhereTheyReallyDo() {
    ObjectNode live = object("v1", "ConfigMap", "cm", "web-ns");
    live.withObjectProperty("metadata")
        .withObjectProperty("labels")
        .put("app.kubernetes.io/instance", "web");
    live.put("data", "x");

    Comparison c =
        comparer.compare(app, List.of(object("v1", "ConfigMap", "cm", null)), List.of(live));

    ResourceDiff diff = c.diffs().get(0);
    assertThat(diff.normalizedDesired().at("/metadata"))
        .isEqualTo(diff.normalizedLive().at("/metadata"));
    assertThat(diff.differences()).isEmpty();
  }

  private static ObjectNode target(Comparison c, String kind) {
    return c.desired().stream()
        .filter(o -> kind.equals(o.path("kind").asText()))
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode metadata = o.putObject("metadata").put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return o;
  }
}
