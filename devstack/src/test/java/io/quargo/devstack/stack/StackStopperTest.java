package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStopperTest {
  @Test
  void stopsRecordedLeftoversOfADeadSupervisorAndNothingElse(@TempDir Path root) {
    StackHome home = new StackHome(root);
    ChildProcess ours =
        ChildProcess.start("kafka", List.of("sleep", "61"), Map.of(), home.log("k"));
    ChildProcess notOurs =
        ChildProcess.start("other", List.of("sleep", "62"), Map.of(), home.log("o"));
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> ProcessRecords.isSame(ours.pid(), "61"));
      new StackState(
              999_999_999L,
              "gone",
              StackState.READY,
              0,
              List.of(
                  new PartRecord("kafka", "Kafka", ours.pid(), "61", 1, "", "", true),
                  // the pid was reused by another program: its command differs, so it stays
                  new PartRecord(
                      "git", "Git server", notOurs.pid(), "git daemon", 2, "", "", true)))
          .write(home.stateFile());
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int code = new StackStopper(home, new PrintStream(out, true, StandardCharsets.UTF_8)).stop();

      assertThat(code).isZero();
      assertThat(ours.isAlive()).isFalse();
      assertThat(notOurs.isAlive()).isTrue();
      assertThat(home.stateFile()).doesNotExist();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("stopped leftover kafka (pid " + ours.pid() + ")")
          .doesNotContain("stopped leftover git");
    } finally {
      ours.stop(1000);
      notOurs.stop(1000);
    }
  }

  @Test
  void servicesStopBeforeKafkaGitAndPostgres() {
    List<String> order =
        List.of("postgres", "git", "kafka", "api-gateway").stream()
            .map(n -> new PartRecord(n, n, 1, "", 1, "", "", true))
            .sorted(java.util.Comparator.comparingInt(StackStopper::stopRank))
            .map(PartRecord::name)
            .toList();
    assertThat(order).containsExactly("api-gateway", "kafka", "git", "postgres");
  }

  @Test
  void nothingRunningIsNotAnError(@TempDir Path root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new StackStopper(new StackHome(root), new PrintStream(out, true, StandardCharsets.UTF_8))
            .stop();
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no Quargo stack is running");
  }
}
