package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRecordsTest {
  @Test
  void stopsARecordedProcessOnlyWhenItStillRunsTheRecordedCommand(@TempDir Path dir) {
    ChildProcess child =
        ChildProcess.start("sleeper", List.of("sleep", "60"), Map.of(), dir.resolve("s.log"));
    try {
      assertThat(child.command()).isEqualTo("60");
      // once exec'd (children start through setsid), the process reports the recorded command
      await().atMost(Duration.ofSeconds(5)).until(() -> ProcessRecords.isSame(child.pid(), "60"));

      assertThat(ProcessRecords.stop(child.pid(), "61", 1000)).isFalse();
      assertThat(child.isAlive()).isTrue();

      assertThat(ProcessRecords.stop(child.pid(), child.command(), 5000)).isTrue();
      assertThat(child.isAlive()).isFalse();
      assertThat(ProcessRecords.isSame(child.pid(), child.command())).isFalse();
    } finally {
      child.stop(1000);
    }
  }

  @Test
  void readsLongCommandLinesInFull(@TempDir Path dir) {
    String longArg = "x".repeat(6000);
    ChildProcess child =
        ChildProcess.start(
            "long", List.of("sh", "-c", "sleep 60; true", longArg), Map.of(), dir.resolve("l.log"));
    try {
      String recorded = "-c sleep 60; true " + longArg;
      assertThat(child.command()).isEqualTo(recorded);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> ProcessRecords.isSame(child.pid(), recorded));
    } finally {
      child.stop(1000);
    }
  }
}
