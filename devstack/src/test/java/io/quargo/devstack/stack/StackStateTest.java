package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.devstack.stack.StackState.PartRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {
  @Test
  void roundTripsThroughTheFile(@TempDir Path dir) {
    Path file = dir.resolve(".quargo/state.json");
    StackState state =
        StackState.starting(ProcessHandle.current())
            .with(
                new PartRecord(
                    "kafka",
                    "Kafka",
                    42,
                    "-cp x kafka.Kafka",
                    9092,
                    "127.0.0.1:9092",
                    "k.log",
                    true))
            .with(
                new PartRecord(
                    "kafka",
                    "Kafka",
                    43,
                    "-cp x kafka.Kafka",
                    9092,
                    "127.0.0.1:9092",
                    "k.log",
                    true))
            .inPhase(StackState.READY);
    state.write(file);

    StackState read = StackState.read(file).orElseThrow();
    assertThat(read).isEqualTo(state);
    assertThat(read.parts()).hasSize(1);
    assertThat(read.part("kafka").orElseThrow().pid()).isEqualTo(43);
    assertThat(read.supervisorAlive()).isTrue();
  }

  @Test
  void noFileMeansNothingRuns(@TempDir Path dir) {
    assertThat(StackState.read(dir.resolve("state.json"))).isEmpty();
  }

  @Test
  void aSupervisorThatIsGoneOrAnotherCommandIsNotAlive() {
    StackState mine = StackState.starting(ProcessHandle.current());
    StackState other =
        new StackState(
            mine.supervisorPid(), "some other command", StackState.READY, 0, mine.parts());
    assertThat(other.supervisorAlive()).isFalse();
  }
}
