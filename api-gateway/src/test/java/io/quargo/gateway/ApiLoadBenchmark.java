package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in load benchmark ({@code -Dquargo.bench=true}), not a test: 1,000 applications in the
 * app-controller stand-in, 200 concurrent clients on loopback, each route first at a fixed total
 * rate (latency measured from each request's planned start, so a slow answer delays no sample),
 * then as fast as the clients can go. Prints throughput and p50/p90/p99; asserts only that the
 * answers were 200.
 *
 * <pre>
 * ./mvnw -B -pl api-gateway verify -Dtest=ApiLoadBenchmark -Dquargo.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dquargo.bench.rate=1000 -Dquargo.bench.seconds=20]
 *     [-DargLine=-Dsun.net.httpserver.nodelay=true]
 * </pre>
 *
 * <p>{@code -Dsun.net.httpserver.nodelay=true} turns off Nagle in the stand-in (the JDK's
 * HttpServer), which otherwise can hold an answer's body behind its headers for a delayed ACK; the
 * real app-controller (Vert.x) sends with TCP_NODELAY. {@code -Dquargo.bench.hold=SECONDS} only
 * seeds the apps and keeps the gateway up, writing its URL and a token to {@code
 * target/bench-gateway.env}, so a client in another process ({@code wrk}) can drive it.
 *
 * <p>This one runs the clients in the gateway's JVM against a stand-in; the numbers that count for
 * the issue's goal come from e2e's {@code SuiteLoadBenchmark} (the real suite, 1,000 apps) driven
 * by {@code wrk} from another process ({@code api-gateway/bench/wrk-applications.sh}), and are
 * reported in the session notes with the machine's load at the time.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
@EnabledIfSystemProperty(named = "quargo.bench", matches = "true")
class ApiLoadBenchmark {

  private static final int APPS = 1000;
  private static final int CLIENTS = 200;
  private static final int RATE = Integer.getInteger("quargo.bench.rate", 1000);
  private static final int SECONDS = Integer.getInteger("quargo.bench.seconds", 20);
  private static final long HOLD = Long.getLong("quargo.bench.hold", 0);

  @TestHTTPResource("/api/v1/applications")
  URL applications;

  /** One run's outcome. */
  record Result(String name, int requests, int errors, double seconds, long[] latenciesNanos) {
    String report() {
      long[] l = latenciesNanos.clone();
      Arrays.sort(l);
      return String.format(
          "%-44s %7d req %5d err %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms",
          name,
          requests,
          errors,
          requests / seconds,
          ms(l, 0.50),
          ms(l, 0.90),
          ms(l, 0.99),
          l.length == 0 ? 0 : l[l.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
      return sorted.length == 0
          ? 0
          : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
    }
  }

  @Test
  void listAndGetApplicationsUnderLoad() throws Exception {
    APP_CONTROLLER.reset();
    APP_CONTROLLER.seedApps(APPS);
    // deployer's access comes from a glob role, so each answer runs real RBAC filtering
    String token = tokenFor("deployer");
    // the stand-in logs every request in a copy-on-write list, whose adds cost its length: keep it
    // short so the log's copying is not what gets measured
    Thread logTrimmer =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                APP_CONTROLLER.requests().clear();
                LockSupport.parkNanos(100_000_000L);
              }
            },
            "bench-stand-in-log-trimmer");
    logTrimmer.setDaemon(true);
    logTrimmer.start();
    if (HOLD > 0) {
      holdForExternalClients(token);
      return;
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    IntFunction<HttpRequest> list = i -> request(applications.toString(), token);
    IntFunction<HttpRequest> get =
        i ->
            request(
                applications + "/app-" + (2 * ThreadLocalRandom.current().nextInt(APPS / 2)),
                token);
    List<String> report = new ArrayList<>();
    run(client, "warm-up", get, 200, 5, false);
    run(client, "warm-up", list, 50, 5, false);
    for (var route :
        List.of(
            List.of("GET /api/v1/applications/{name}", get),
            List.of("GET /api/v1/applications", list))) {
      String name = (String) route.get(0);
      @SuppressWarnings("unchecked")
      IntFunction<HttpRequest> requests = (IntFunction<HttpRequest>) route.get(1);
      report.add(run(client, name + " @" + RATE + "/s", requests, RATE, SECONDS, true).report());
      report.add(run(client, name + " max", requests, 0, SECONDS / 2, true).report());
    }
    System.out.println(
        "\n== api-gateway load: " + APPS + " apps, " + CLIENTS + " clients, loopback ==");
    report.forEach(System.out::println);
  }

  /**
   * Leaves the gateway up for {@code quargo.bench.hold} seconds with the apps seeded, writing its
   * URL and a token to {@code target/bench-gateway.env} (GATEWAY=..., TOKEN=...), so a client in
   * another process ({@code wrk}) can drive it without sharing this JVM's two cores' worth of CPU.
   */
  private void holdForExternalClients(String token) throws Exception {
    String base = applications.toString().replace("/api/v1/applications", "");
    Path env = Path.of("target", "bench-gateway.env");
    // deployer may get the even-numbered apps (project default): wrk asks for those
    Files.writeString(
        env, "GATEWAY=" + base + "\nTOKEN=" + token + "\nAPP_PREFIX=app-\nAPPS=1000\nAPP_STEP=2\n");
    System.out.println("== api-gateway held for external clients: see " + env.toAbsolutePath());
    LockSupport.parkNanos(HOLD * 1_000_000_000L);
    Files.deleteIfExists(env);
  }

  private static HttpRequest request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /**
   * {@code CLIENTS} threads for {@code seconds}; {@code rate} requests/s in all, 0 for no pacing.
   */
  private static Result run(
      HttpClient client,
      String name,
      IntFunction<HttpRequest> requests,
      int rate,
      int seconds,
      boolean measure)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long interval = rate == 0 ? 0 : CLIENTS * 1_000_000_000L / rate;
    AtomicInteger errors = new AtomicInteger();
    List<long[]> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[CLIENTS];
    for (int t = 0; t < CLIENTS; t++) {
      long[] samples = new long[Math.max(16, (rate == 0 ? 20_000 : rate * seconds / CLIENTS + 16))];
      perThread.add(samples);
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                long planned = start + (interval == 0 ? 0 : index * interval / CLIENTS);
                int n = 0;
                while (true) {
                  long now = System.nanoTime();
                  if (interval > 0) {
                    if (planned > now) {
                      LockSupport.parkNanos(planned - now);
                    }
                  } else {
                    planned = now;
                  }
                  if (planned >= end) {
                    break;
                  }
                  try {
                    HttpResponse<Void> r =
                        client.send(requests.apply(n), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  if (n < samples.length) {
                    samples[n] = System.nanoTime() - planned;
                  }
                  n++;
                  planned += interval;
                }
                counts[index] = Math.min(n, samples.length);
              },
              "bench-client-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < CLIENTS; t++) {
      System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Result result = new Result(name, total, errors.get(), elapsed, all);
    if (measure) {
      assertThat(result.errors()).as(result.report()).isZero();
    }
    return result;
  }
}
