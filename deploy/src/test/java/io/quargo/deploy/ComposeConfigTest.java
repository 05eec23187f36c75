package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's docker-compose validates deploy/docker-compose.yml without a Docker engine. */
class ComposeConfigTest {
  private static final ProjectLayout LAYOUT = ProjectLayout.current();

  private static ExternalTool compose() {
    Optional<ExternalTool> compose = ExternalTool.find("docker-compose", "QUARGO_DOCKER_COMPOSE");
    assumeTrue(
        compose.isPresent(),
        "no docker-compose on PATH: .ci/run installs Debian's docker-compose to run this check");
    return compose.get();
  }

  @Test
  void composeFileIsValid() throws Exception {
    Path file = LAYOUT.deploy().resolve("docker-compose.yml");
    ExternalTool.Result result = compose().run("-f", file.toString(), "config", "-q");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void composeRejectsABrokenFile(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(
        broken, "services:\n  kafka:\n    image: apache/kafka:4.1.2\n    ports: 9092\n");
    ExternalTool.Result result = compose().run("-f", broken.toString(), "config", "-q");
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("ports");
  }
}
