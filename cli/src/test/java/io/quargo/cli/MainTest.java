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

  @Test
  void everyCommandTakesHelpAndExitsZero() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(java.util.Map.of()), new java.util.ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(40);
    for (java.util.List<String> path : paths) {
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add("--help");
      CliRunner.Result result = run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as("quargo %s --help: %s", path, result.err()).isZero();
      assertThat(result.out()).startsWith("Usage: quargo");
    }
  }

  private static void collect(
      picocli.CommandLine command,
      java.util.List<String> path,
      java.util.List<java.util.List<String>> into) {
    into.add(java.util.List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help") && sub.getCommandName().equals(name)) {
                path.add(name);
                collect(sub, path, into);
                path.remove(path.size() - 1);
              }
            });
  }
}
