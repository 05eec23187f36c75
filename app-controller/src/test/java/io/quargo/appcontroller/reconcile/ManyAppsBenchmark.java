package io.quargo.appcontroller.reconcile;

import static io.quargo.appcontroller.application.AppFixtures.read;
import static io.quargo.appcontroller.application.AppFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import io.quargo.appcontroller.application.AppFixtures;
import io.quargo.appcontroller.client.RepoServerStub;
import io.quargo.testkit.git.GitServer;
import io.quargo.testkit.git.GitServerTestResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quargo.testkit.sandbox.SandboxClusterTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire skips *Benchmark): the CNOE benchmark's shape at small scale. N apps of one
 * ConfigMap each, automated sync, created at once; prints the time until all are Synced and
 * Healthy, the cost of a refresh of every app, CPU and heap. Run with {@code
 * -Dtest=ManyAppsBenchmark -Dbenchmark.apps=N} (default 100).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SandboxClusterTestResource.class)
@WithTestResource(GitServerTestResource.class)
@WithTestResource(RepoServerStub.class)
class ManyAppsBenchmark {

  GitServer git;

  @jakarta.inject.Inject io.fabric8.kubernetes.client.KubernetesClient client;

  @Test
  void manyConfigMapApps() {
    int n = Integer.getInteger("benchmark.apps", 100);
    String run = unique("bench");
    String repo = git.createUniqueRepo("bench");
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < n; i++) {
      files.put(
          "apps/cm-" + i + "/cm.yaml",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-"
              + i
              + "\ndata:\n  i: \""
              + i
              + "\"\n");
    }
    git.commit(repo, files, "bench");
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(run)
                .endMetadata()
                .build())
        .create();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ObjectNode app = AppFixtures.guestbookApp(run + "-" + i, git.url(repo), run);
      ((ObjectNode) app.path("metadata")).putObject("labels").put("bench", run);
      ((ObjectNode) app.at("/spec/source")).put("path", "apps/cm-" + i);
      ObjectNode policy = (ObjectNode) app.at("/spec/syncPolicy");
      policy.remove("syncOptions");
      policy.putObject("automated").put("prune", true);
      policy.putObject("retry").put("limit", 2).putObject("backoff").put("duration", "1s");
      AppFixtures.create(app);
    }
    long created = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> syncedAndHealthy(run) == n);
    long synced = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    for (int i = 0; i < n; i++) {
      given().post("/api/v1/applications/" + run + "-" + i + "/refresh").then().statusCode(200);
    }
    long refreshed = System.nanoTime();
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(
        "BENCHMARK apps=%d create=%d ms, all Synced+Healthy after %d ms (from first create),"
            + " cpu during sync %d ms, sequential refresh of all %d ms (%.1f ms/app),"
            + " heap after gc %d MiB (test JVM: controller, Kafka, sandbox, PostgreSQL client)%n",
        n,
        (created - start) / 1_000_000,
        (synced - start) / 1_000_000,
        (cpu1 - cpu0) / 1_000_000,
        (refreshed - synced) / 1_000_000,
        (refreshed - synced) / 1e6 / n,
        heap >> 20);
  }

  private static long syncedAndHealthy(String run) {
    JsonNode list =
        read(given().get("/api/v1/applications?selector=bench=" + run).then().extract().asString());
    long count = 0;
    for (JsonNode app : list.path("items")) {
      if ("Synced".equals(app.at("/status/sync/status").asText())
          && "Healthy".equals(app.at("/status/health/status").asText())) {
        count++;
      }
    }
    return count;
  }
}
