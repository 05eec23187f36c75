package io.quargo.deploy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A command-line tool the tests compare with (kubectl, docker-compose), found as .ci/run installs
 * it.
 */
record ExternalTool(Path path) {

  /** The output and exit code of one run. */
  record Result(int exitCode, String output) {}

  /** The tool named by system property or environment variable {@code variable}, else on PATH. */
  static Optional<ExternalTool> find(String binary, String variable) {
    String configured =
        Optional.ofNullable(System.getProperty(variable)).orElse(System.getenv(variable));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable).map(ExternalTool::new);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, binary))
        .filter(Files::isExecutable)
        .findFirst()
        .map(ExternalTool::new);
  }

  /** Runs the tool with {@code args}, standard error merged into the output, for at most 60 s. */
  Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(path.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
