package io.quargo.appcontroller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.diff.ResourceDiff;
import io.quargo.appcontroller.health.HealthStatus;
import io.quargo.common.json.Json;
import io.quargo.common.model.SyncStatusCode;
import io.quargo.common.model.application.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argo CD's automated-sync decision, case by case. */
class AutoSyncPolicyTest {

  private static final String REV = "1111111111111111111111111111111111111111";

  @Test
  void aNewRevisionIsSynced() {
    var decision = AutoSyncPolicy.decide(app(false, null, null), outOfSync(false), REV);
    assertThat(decision.sync()).isTrue();
    assertThat(decision.reason()).contains("new revision");
  }

  @Test
  void withoutAutomatedNothingIsSynced() {
    Application app = app(false, null, null);
    app.getSpec().setSyncPolicy(null);
    assertThat(AutoSyncPolicy.decide(app, outOfSync(false), REV).sync()).isFalse();
  }

  @Test
  void aFailedAttemptOfTheSameRevisionIsNotRetried() {
    var decision = AutoSyncPolicy.decide(app(true, "Failed", REV), outOfSync(false), REV);
    assertThat(decision.sync()).isFalse();
    assertThat(decision.reason()).contains("ended Failed");
  }

  @Test
  void aFailedAttemptDoesNotHoldANewerRevision() {
    var decision =
        AutoSyncPolicy.decide(app(true, "Failed", "2".repeat(40)), outOfSync(false), REV);
    assertThat(decision.sync()).isTrue();
  }

  @Test
  void driftAfterASuccessfulSyncNeedsSelfHeal() {
    assertThat(AutoSyncPolicy.decide(app(false, "Succeeded", REV), outOfSync(false), REV).sync())
        .isFalse();
    var healed = AutoSyncPolicy.decide(app(true, "Succeeded", REV), outOfSync(false), REV);
    assertThat(healed.sync()).isTrue();
    assertThat(healed.reason()).contains("self-heal");
  }

  @Test
  void onlyPruningNeedsAutomatedPrune() {
    var decision = AutoSyncPolicy.decide(app(false, null, null), outOfSync(true), REV);
    assertThat(decision.sync()).isFalse();
    assertThat(decision.reason()).contains("prune is off");
  }

  @Test
  void anEmptyRenderingNeedsAllowEmpty() {
    Comparison empty =
        new Comparison(
            List.of(),
            List.of(diff(true)),
            Map.of(),
            SyncStatusCode.OUT_OF_SYNC,
            HealthStatus.healthy(""),
            List.of(),
            List.of());
    Application app = app(false, null, null);
    app.getSpec().getSyncPolicy().getAutomated().setPrune(true);
    assertThat(AutoSyncPolicy.decide(app, empty, REV).reason()).contains("allowEmpty");
    app.getSpec().getSyncPolicy().getAutomated().setAllowEmpty(true);
    assertThat(AutoSyncPolicy.decide(app, empty, REV).sync()).isTrue();
  }

  @Test
  void aRunningOperationIsLeftAlone() {
    assertThat(AutoSyncPolicy.decide(app(true, "Running", null), outOfSync(false), REV).sync())
        .isFalse();
  }

  @Test
  void aRollbackPinHoldsTheHeadItRolledBackFromButNotANewCommit() {
    String old = "0".repeat(40);
    Application app = app(true, "Succeeded", old);
    RollbackPin.Pin pin = new RollbackPin.Pin(old, REV, 0, "2026-01-01T00:00:00Z");
    RollbackPin.set(app, pin);
    Application stored =
        Json.mapper().convertValue(Json.mapper().valueToTree(app), Application.class);
    assertThat(RollbackPin.of(stored)).contains(pin);

    var held = AutoSyncPolicy.decide(stored, outOfSync(false), REV);
    assertThat(held.sync()).isFalse();
    assertThat(held.reason()).contains("keepAutoSync").contains(old);
    String next = "3".repeat(40);
    assertThat(AutoSyncPolicy.decide(stored, outOfSync(false), next).sync()).isTrue();

    RollbackPin.endIfMovedOn(stored, old);
    assertThat(RollbackPin.of(stored)).isPresent();
    RollbackPin.endIfMovedOn(stored, next);
    assertThat(RollbackPin.of(stored)).isEmpty();
  }

  private static Application app(boolean selfHeal, String phase, String syncedRevision) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.putObject("metadata").put("name", "a").put("namespace", "argocd");
    ObjectNode spec = json.putObject("spec");
    spec.putObject("syncPolicy").putObject("automated").put("selfHeal", selfHeal);
    if (phase != null) {
      ObjectNode state = json.putObject("status").putObject("operationState");
      state.put("phase", phase);
      if (syncedRevision != null) {
        state.putObject("syncResult").put("revision", syncedRevision);
      }
    }
    return Json.mapper().convertValue(json, Application.class);
  }

  private static Comparison outOfSync(boolean pruneOnly) {
    ObjectNode desired = Json.mapper().createObjectNode().put("kind", "ConfigMap");
    return new Comparison(
        List.of(desired),
        List.of(diff(pruneOnly)),
        Map.of(),
        SyncStatusCode.OUT_OF_SYNC,
        HealthStatus.healthy(""),
        List.of(),
        List.of());
  }

  private static ResourceDiff diff(boolean pruning) {
    return new ResourceDiff(
        "",
        "ConfigMap",
        "ns",
        "c",
        SyncStatusCode.OUT_OF_SYNC,
        null,
        null,
        List.of(),
        pruning,
        !pruning);
  }
}
