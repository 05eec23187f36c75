package io.quargo.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opt-in load benchmark of the real suite ({@code -Dquargo.bench=true}), not a test: the gateway in
 * front of the real app-controller, PostgreSQL and Kafka, with 1,000 applications (the demo
 * guestbook, never synced). It creates the apps through the API, waits until app-controller has
 * reconciled each once, then holds the suite for {@code quargo.bench.hold} seconds (default 300),
 * writing the gateway's URL and an admin token to {@code target/bench-gateway.env} for {@code
 * api-gateway/bench/wrk-applications.sh}, which drives it from another process:
 *
 * <pre>
 * ./mvnw -B -pl e2e verify -Dtest=SuiteLoadBenchmark -Dquargo.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dquargo.bench.hold=300] &amp;
 * # once target/bench-gateway.env appears:
 * api-gateway/bench/wrk-applications.sh e2e/target/bench-gateway.env 20
 * </pre>
 */
@ExtendWith(QuargoSuiteExtension.class)
@EnabledIfSystemProperty(named = "quargo.bench", matches = "true")
class SuiteLoadBenchmark {

  private static final int APPS = 1000;
  private static final String PREFIX = "bench-";
  private static final long HOLD = Long.getLong("quargo.bench.hold", 300);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void holdTheSuiteWithAThousandApps(RunningSuite suite) throws Exception {
    long started = System.nanoTime();
    for (int i = 0; i < APPS; i++) {
      suite.api().post("/api/v1/applications", app(PREFIX + i, suite.demoRepoUrl()));
    }
    double createSeconds = (System.nanoTime() - started) / 1e9;
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(reconciled(suite)).isEqualTo(APPS));
    double reconcileSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%n== %d apps created in %.1f s, all reconciled (sync status known) after %.1f s%n",
        APPS, createSeconds, reconcileSeconds);

    Path env = Path.of(System.getProperty("quargo.e2e.target", "target"), "bench-gateway.env");
    Files.writeString(
        env,
        "GATEWAY="
            + suite.gatewayUrl()
            + "\nTOKEN="
            + suite.api().token()
            + "\nAPP_PREFIX="
            + PREFIX
            + "\nAPPS="
            + APPS
            + "\nAPP_STEP=1\n");
    System.out.println("== suite held for external clients: see " + env.toAbsolutePath());
    LockSupport.parkNanos(HOLD * 1_000_000_000L);
    Files.deleteIfExists(env);
  }

  /** How many bench apps have a sync status other than Unknown. */
  private static long reconciled(RunningSuite suite) {
    JsonNode items = suite.api().get("/api/v1/applications").path("items");
    long count = 0;
    for (JsonNode app : items) {
      String name = app.path("metadata").path("name").asText();
      String sync = app.path("status").path("sync").path("status").asText("Unknown");
      if (name.startsWith(PREFIX) && !sync.equals("Unknown")) {
        count++;
      }
    }
    return count;
  }

  private static ObjectNode app(String name, String repoUrl) {
    ObjectNode app = JSON.createObjectNode();
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec");
    spec.put("project", "default");
    spec.putObject("source")
        .put("repoURL", repoUrl)
        .put("path", "guestbook")
        .put("targetRevision", "HEAD");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", name);
    return app;
  }
}
