package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's infrastructure for real, on free ports: embedded PostgreSQL, the Kafka process, the
 * sandbox cluster and the Git server; each is reached the way a service would, then everything is
 * stopped and no process is left.
 */
class InfrastructureTest {
  static {
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
  }

  @Test
  void startsEveryPartReachablyAndLeavesNoProcessBehind(@TempDir Path root) throws Exception {
    Map<String, Integer> free = new HashMap<>();
    int port = 20000 + new Random().nextInt(20000);
    for (StackPart part : StackPart.INFRASTRUCTURE) {
      port = PortPlan.nextFree(port + 1);
      free.put(part.name(), port);
    }
    PortPlan ports = PortPlan.resolve(name -> null, free);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<PartRecord> records = new ArrayList<>();
    StackHome home = new StackHome(root);
    Infrastructure.Options options =
        new Infrastructure.Options(
            home,
            ports,
            System.getProperty("java.class.path"),
            null,
            null,
            Duration.ofSeconds(120),
            new PrintStream(output, true, StandardCharsets.UTF_8));

    try (Infrastructure infra = Infrastructure.start(options, records::add)) {
      try (var c = DriverManager.getConnection(infra.jdbcUrl(), "quargo", "quargo");
          ResultSet rs = c.createStatement().executeQuery("select 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }

      Properties kafka = new Properties();
      kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
      try (Admin admin = Admin.create(kafka)) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }

      HttpResponse<String> version =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(infra.sandbox().url() + "/version")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(Files.readString(home.kubeconfig())).contains(infra.sandbox().url());

      Iterable<Ref> refs = Git.lsRemoteRepository().setRemote(infra.demoRepoUrl()).call();
      assertThat(refs).extracting(Ref::getName).contains("refs/heads/main");

      assertThat(records)
          .extracting(PartRecord::name)
          .containsExactly("postgres", "kafka", "sandbox", "git");
      assertThat(output.toString(StandardCharsets.UTF_8)).contains("SIMULATION");
    }

    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .as("child processes left after close")
        .isEmpty();
    for (PartRecord part : records) {
      if (part.owned()) {
        assertThat(ProcessRecords.isSame(part.pid(), part.command())).as(part.name()).isFalse();
      }
    }
  }
}
