package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChildProcess#run}: waits for the command and reports its exit code. */
class ChildProcessRunTest {

  @TempDir Path dir;

  @Test
  void aCommandThatSucceedsReturnsEveryTime() {
    // many short runs: the exit code must be known whenever the wait says the process ended
    for (int i = 0; i < 40; i++) {
      ChildProcess.run("true-" + i, List.of("sh", "-c", "exit 0"), dir.resolve("ok.log"), 10_000);
    }
    assertThat(Files.exists(dir.resolve("ok.log"))).isTrue();
  }

  @Test
  void aCommandThatFailsNamesItsExitCodeAndLog() {
    Path log = dir.resolve("fail.log");
    assertThatThrownBy(
            () -> ChildProcess.run("failing", List.of("sh", "-c", "exit 3"), log, 10_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failing failed with exit code 3")
        .hasMessageContaining(log.toString());
  }

  @Test
  void aCommandThatOutlivesItsTimeIsStoppedAndNamed() {
    assertThatThrownBy(
            () ->
                ChildProcess.run(
                    "sleeper", List.of("sh", "-c", "exec sleep 30"), dir.resolve("s.log"), 300))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sleeper did not finish in 300 ms");
  }
}
