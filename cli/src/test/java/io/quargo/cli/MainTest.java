package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path config;

  private CliRunner.Result run(String... args) {
    return new CliRunner(config).run(args);
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    CliRunner.Result result = run("version", "--client");
    assertThat(result.exitCode()).isEqualTo(Main.OK);
    assertThat(result.out()).startsWith("quargo: ").doesNotContain("unknown").contains("0.1.0");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRunner.Result result = run("frobnicate");
    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.err()).contains("frobnicate").contains("Usage:");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRunner.Result result = run();
    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.err()).contains("a command is required");
  }
}
