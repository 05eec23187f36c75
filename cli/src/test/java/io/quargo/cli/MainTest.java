package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    assertThat(run("version")).isEqualTo(Main.OK);
    assertThat(out.toString()).startsWith("quargo: ").doesNotContain("unknown").contains("0.1.0");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("frobnicate").contains("Usage:");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("a command is required");
  }
}
