package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Argo's sync strategies: hook (the default) runs PreSync, PostSync and SyncFail hooks; apply skips
 * every hook and only applies the resources.
 */
@ExtendWith(SandboxClusterExtension.class)
class SyncStrategyTest {

  private static final SyncStrategy APPLY = new SyncStrategy(true, false);

  @Test
  void theApplyStrategySkipsThePreSyncHook(KubernetesClient client) {
    String namespace = namespace(client, "apply");

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(unique("apply"), namespace, manifests("hooks")).withStrategy(APPLY));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::kind, ResourceResult::name, ResourceResult::hookType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ConfigMap", "app-config", null));
    assertThat(client.batch().v1().jobs().inNamespace(namespace).list().getItems())
        .as("the PreSync job never ran")
        .isEmpty();
    assertThat(client.configMaps().inNamespace(namespace).withName("app-config").get()).isNotNull();
  }

  @Test
  void theApplyStrategySkipsAFailingPostSyncHookAndSyncFail(KubernetesClient client) {
    String namespace = namespace(client, "applypost");

    SyncResult result =
        engine(client, Duration.ofSeconds(10))
            .sync(
                SyncRequest.of(unique("applypost"), namespace, manifests("failing-post-sync"))
                    .withStrategy(APPLY));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources()).allSatisfy(r -> assertThat(r.hookType()).isNull());
    assertThat(client.pods().inNamespace(namespace).withName("smoke-test").get()).isNull();
    assertThat(client.batch().v1().jobs().inNamespace(namespace).list().getItems()).isEmpty();
  }

  @Test
  void theHookStrategyRunsTheHooks(KubernetesClient client) {
    String namespace = namespace(client, "hookstrat");

    SyncResult result =
        engine(client)
            .sync(
                SyncRequest.of(unique("hookstrat"), namespace, manifests("hooks"))
                    .withStrategy(new SyncStrategy(false, false)));

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::hookType)
        .containsExactly("PreSync", null);
  }

  @Test
  void argoStrategiesAreReadAndWrittenInArgosShape() {
    assertThat(SyncStrategy.fromArgo(null)).isEqualTo(SyncStrategy.HOOK);
    assertThat(SyncStrategy.fromArgo(Map.of("apply", Map.of())))
        .isEqualTo(new SyncStrategy(true, false));
    assertThat(SyncStrategy.fromArgo(Map.of("hook", Map.of("force", true))))
        .isEqualTo(new SyncStrategy(false, true));
    assertThat(new SyncStrategy(true, true).toArgo())
        .isEqualTo(Map.of("apply", Map.of("force", true)));
    assertThat(SyncStrategy.HOOK.toArgo()).isEqualTo(Map.of("hook", Map.of()));
    assertThatThrownBy(() -> SyncStrategy.fromArgo(Map.of("replace", Map.of())))
        .hasMessage("strategy.replace is not a sync strategy; use strategy.apply or strategy.hook");
    assertThatThrownBy(() -> SyncStrategy.fromArgo(Map.of("apply", Map.of("force", "yes"))))
        .hasMessage("strategy.apply.force must be true or false, not yes");
    assertThatThrownBy(() -> SyncStrategy.fromArgo(Map.of("hook", List.of())))
        .hasMessageStartingWith("strategy.hook must be an object");
  }

  private static String namespace(KubernetesClient client, String prefix) {
    String namespace = unique(prefix);
    client.namespaces().resource(SyncTestObjects.namespace(namespace)).create();
    return namespace;
  }
}
