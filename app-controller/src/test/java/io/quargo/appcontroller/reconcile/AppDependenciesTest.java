package io.quargo.appcontroller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationCondition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dependsOn readings, case by case, against apps held in a map. */
class AppDependenciesTest {

  private final Map<String, Application> apps = new HashMap<>();

  @Test
  void noDependenciesIsReady() {
    assertThat(check(app("a", null, null)).ready()).isTrue();
  }

  @Test
  void aDependencyMustBeSyncedAndHealthy() {
    app("a", "Synced", "Progressing");
    AppDependencies.Check check = check(app("b", null, null, "a"));
    assertThat(check.ready()).isFalse();
    assertThat(check.cycle()).isFalse();
    assertThat(check.message()).contains("dependency a is Synced/Progressing");

    app("a", "Synced", "Healthy");
    assertThat(check(app("b", null, null, "a")).ready()).isTrue();
  }

  @Test
  void everyWaitingDependencyIsNamedAndAMissingOneToo() {
    app("a", "OutOfSync", "Healthy");
    AppDependencies.Check check = check(app("c", null, null, "a", "ghost"));
    assertThat(check.message())
        .contains("dependency a is OutOfSync/Healthy")
        .contains("dependency ghost not found");
  }

  @Test
  void aCycleThroughTheAppIsNamed() {
    app("x", "Synced", "Healthy", "y");
    app("y", "Synced", "Healthy", "z");
    app("z", "Synced", "Healthy", "x");
    AppDependencies.Check check = check(apps.get("x"));
    assertThat(check.cycle()).isTrue();
    assertThat(check.message()).contains("x -> y -> z -> x");
    assertThat(check.condition("now").orElseThrow().getType()).isEqualTo(AppDependencies.CYCLE);
  }

  @Test
  void aCycleElsewhereIsNotThisAppsCycle() {
    app("p", "Synced", "Healthy", "q");
    app("q", "Synced", "Healthy", "p");
    AppDependencies.Check check = check(app("r", null, null, "p"));
    assertThat(check.cycle()).isFalse();
    assertThat(check.ready()).isTrue();
  }

  @Test
  void objectsWithANameCountAsDependencies() {
    Application app = app("o", null, null);
    app.getSpec().unknownField("dependsOn", List.of(Map.of("name", "a"), "b"));
    assertThat(AppDependencies.of(app)).containsExactly("a", "b");
  }

  @Test
  void theConditionReplacesTheOldOneAndKeepsOthers() {
    ApplicationCondition other = new ApplicationCondition();
    other.setType("ComparisonError");
    other.setMessage("x");
    app("a", "Synced", "Progressing");
    AppDependencies.Check waiting = check(app("b", null, null, "a"));
    List<ApplicationCondition> first =
        AppDependencies.withCheck(List.of(other), waiting, "2026-01-01T00:00:00Z");
    assertThat(first)
        .extracting(ApplicationCondition::getType)
        .containsExactly("ComparisonError", AppDependencies.NOT_READY);
    List<ApplicationCondition> again =
        AppDependencies.withCheck(first, waiting, "2026-01-02T00:00:00Z");
    assertThat(again.get(1).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(AppDependencies.withCheck(again, AppDependencies.Check.READY, "later"))
        .extracting(ApplicationCondition::getType)
        .containsExactly("ComparisonError");
  }

  private AppDependencies.Check check(Application app) {
    return AppDependencies.check(app, name -> Optional.ofNullable(apps.get(name)));
  }

  private Application app(String name, String sync, String health, String... dependsOn) {
    Map<String, Object> doc = new HashMap<>();
    doc.put("metadata", Map.of("name", name, "namespace", "argocd"));
    Map<String, Object> spec = new HashMap<>();
    if (dependsOn.length > 0) {
      spec.put("dependsOn", List.of(dependsOn));
    }
    doc.put("spec", spec);
    if (sync != null) {
      doc.put("status", Map.of("sync", Map.of("status", sync), "health", Map.of("status", health)));
    }
    Application app = Json.mapper().convertValue(doc, Application.class);
    apps.put(name, app);
    return app;
  }
}
