package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.common.model.application.ResourceIgnoreDifferences;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough measure, not a test: diff plus health of 10,000 Deployments (the changed-image fixture)
 * in a plain loop after a warm-up. Run with {@code -Dquargo.bench=true -Dtest=DiffHealthBenchmark}.
 */
class DiffHealthBenchmark {

  private static final int RESOURCES = 10_000;

  @Test
  @EnabledIfSystemProperty(named = "quargo.bench", matches = "true")
  void measure() throws IOException {
    ObjectNode desired = fixture("/diff/changed-image/desired.yaml");
    ObjectNode live = fixture("/diff/changed-image/live.yaml");
    List<ObjectNode> desiredAll = new ArrayList<>();
    List<ObjectNode> liveAll = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      ObjectNode d = desired.deepCopy();
      ObjectNode l = live.deepCopy();
      ((ObjectNode) d.get("metadata")).put("name", "web-" + i);
      ((ObjectNode) l.get("metadata")).put("name", "web-" + i);
      desiredAll.add(d);
      liveAll.add(l);
    }
    HealthAssessor health = HealthAssessor.standard();
    DiffEngine engine = new DiffEngine(DiffOptions.defaults());
    run("no ignoreDifferences", engine, health, desiredAll, liveAll);
    ResourceIgnoreDifferences rule = new ResourceIgnoreDifferences();
    rule.setGroup("apps");
    rule.setKind("Deployment");
    rule.setJsonPointers(List.of("/spec/replicas"));
    rule.setJqPathExpressions(List.of(".spec.template.spec.containers[].env"));
    rule.setManagedFieldsManagers(List.of("kube-controller-manager"));
    run(
        "pointer + jq + managedFieldsManagers",
        new DiffEngine(DiffOptions.defaults().withIgnoreDifferences(List.of(rule))),
        health,
        desiredAll,
        liveAll);
    long start = System.nanoTime();
    List<ResourceDiff> diffs = engine.diffAll(desiredAll, liveAll);
    System.out.printf(
        "diffAll of %d pairs: %.1f ms, app %s%n",
        diffs.size(), (System.nanoTime() - start) / 1e6, DiffEngine.syncStatus(diffs));
  }

  private static void run(
      String label,
      DiffEngine engine,
      HealthAssessor health,
      List<ObjectNode> desiredAll,
      List<ObjectNode> liveAll) {
    for (int round = 1; round <= 5; round++) {
      long start = System.nanoTime();
      int outOfSync = 0;
      for (int i = 0; i < RESOURCES; i++) {
        ResourceDiff diff = engine.diff(desiredAll.get(i), liveAll.get(i));
        health.assess(liveAll.get(i));
        outOfSync += diff.differences().isEmpty() ? 0 : 1;
      }
      long elapsed = System.nanoTime() - start;
      System.out.printf(
          "%s, round %d: %d resources (%d OutOfSync) diff+health in %.1f ms, %.1f µs each%n",
          label, round, RESOURCES, outOfSync, elapsed / 1e6, elapsed / 1e3 / RESOURCES);
    }
  }

  private static ObjectNode fixture(String resource) throws IOException {
    try (InputStream in = DiffHealthBenchmark.class.getResourceAsStream(resource)) {
      return ManifestCodec.readAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
    }
  }
}
