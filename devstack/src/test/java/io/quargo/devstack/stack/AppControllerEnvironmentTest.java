package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppControllerEnvironmentTest {

  @Test
  void appControllerIsToldWhereRepoServerListensEvenOnAMovedPort() {
    assertThat(ServiceFleet.appControllerEnvironment(PortPlan.resolve(name -> null, Map.of())))
        .containsEntry("QUARGO_REPO_SERVER_URL", "http://127.0.0.1:8081");
    PortPlan moved = PortPlan.resolve(name -> null, Map.of("repo-server", 18081));
    assertThat(ServiceFleet.appControllerEnvironment(moved))
        .containsEntry("QUARGO_REPO_SERVER_URL", "http://127.0.0.1:18081");
  }
}
