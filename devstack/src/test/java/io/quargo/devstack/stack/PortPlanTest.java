package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortPlanTest {
  @Test
  void defaultsFollowTheDesignTable() {
    PortPlan plan = PortPlan.resolve(name -> null, Map.of());
    assertThat(plan.port(StackPart.KAFKA)).isEqualTo(9092);
    assertThat(plan.port(StackPart.SANDBOX)).isEqualTo(6443);
    assertThat(plan.port(StackPart.GIT)).isEqualTo(9418);
    assertThat(plan.port(StackPart.byName("api-gateway"))).isEqualTo(8080);
    assertThat(plan.port(StackPart.byName("workflow-engine"))).isEqualTo(8086);
  }

  @Test
  void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
    Map<String, String> env =
        Map.of("QUARGO_KAFKA_PORT", "19092", "QUARGO_API_GATEWAY_PORT", "18080");
    PortPlan plan = PortPlan.resolve(env::get, Map.of("api-gateway", 28080));
    assertThat(plan.port(StackPart.KAFKA)).isEqualTo(19092);
    assertThat(plan.port(StackPart.byName("api-gateway"))).isEqualTo(28080);
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> PortPlan.resolve(Map.of("QUARGO_GIT_PORT", "abc")::get, Map.of()))
        .hasMessage("QUARGO_GIT_PORT=\"abc\" is not a port number; set a number");
  }

  @Test
  void aPortInUseIsReportedWithThePartAndTheVariable() {
    PortPlan plan = PortPlan.resolve(name -> null, Map.of());
    List<String> problems = plan.problems(List.of(), port -> port == 9092);
    assertThat(problems)
        .containsExactly(
            "port 9092 (Kafka) is in use by another process; set QUARGO_KAFKA_PORT or stop it");
  }

  @Test
  void skippedPartsAreNotChecked() {
    PortPlan plan = PortPlan.resolve(name -> null, Map.of());
    assertThat(plan.problems(List.of(StackPart.SANDBOX), port -> port == 6443)).isEmpty();
  }

  @Test
  void twoPartsOnOnePortAreReported() {
    PortPlan plan = PortPlan.resolve(Map.of("QUARGO_GIT_PORT", "9092")::get, Map.of());
    assertThat(plan.problems(List.of(), port -> false))
        .containsExactly(
            "port 9092 is given to both Kafka and Git server; set QUARGO_GIT_PORT to another port");
  }

  @Test
  void aListeningSocketIsInUseAndTheNextFreePortSkipsIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(PortPlan.inUse(port)).isTrue();
      assertThat(PortPlan.nextFree(port)).isGreaterThan(port);
    }
  }
}
