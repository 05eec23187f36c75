package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml runs every service on its port, after healthy Kafka and PostgreSQL. */
class ComposeFileTest {

  private static final ProjectLayout LAYOUT = ProjectLayout.current();
  private static final Path FIXTURES =
      LAYOUT.deploy().resolve("src/test/resources/fixtures/compose");
  private static final ComposeRules COMPOSE =
      new ComposeRules(LAYOUT, LAYOUT.deploy().resolve("docker-compose.yml"));

  @Test
  void imagesAreModulesWithDockerfilesOrKnownInfra() {
    assertThat(COMPOSE.images()).isEmpty();
  }

  @Test
  void servicesWaitForHealthyKafkaAndPostgres() {
    assertThat(COMPOSE.dependencies()).isEmpty();
  }

  @Test
  void servicesPublishAndProbeTheirQuarkusHttpPort() {
    assertThat(COMPOSE.ports()).isEmpty();
  }

  @Test
  void missingKafkaAndUnhealthyPostgresDependenciesAreReported() {
    ComposeRules broken = new ComposeRules(LAYOUT, FIXTURES.resolve("missing-dependencies.yml"));
    assertThat(broken.dependencies())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("app-controller must depend on kafka"))
        .anySatisfy(
            p -> assertThat(p).contains("must depend on postgres", "it has a database schema"));
  }

  @Test
  void portOtherThanQuarkusHttpPortIsReported() {
    ComposeRules broken = new ComposeRules(LAYOUT, FIXTURES.resolve("wrong-port.yml"));
    assertThat(broken.ports())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("publishes container ports [9999]", "=8081"))
        .anySatisfy(p -> assertThat(p).contains("/q/health/ready on port 8081"));
  }
}
