package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caller's extra system properties reach the command line of the service they name, only. */
class ServiceSystemPropertiesTest {
  private static final StackPart GATEWAY = StackPart.byName("api-gateway");
  private static final StackPart REPO_SERVER = StackPart.byName("repo-server");

  @Test
  void theNamedServiceGetsThemBetweenItsJvmFlagsAndItsJar(@TempDir Path root) {
    StackHome home = new StackHome(root);
    Map<String, String> accounts = new LinkedHashMap<>();
    accounts.put("quargo.gateway.accounts.alice.enabled", "true");
    accounts.put("quargo.gateway.accounts.ci-bot.capabilities", "apiKey");
    ServiceFleet fleet = new ServiceFleet(Map.of("api-gateway", accounts));

    assertThat(fleet.javaArguments(GATEWAY, home, Map.of()))
        .containsExactly(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dquargo.gateway.accounts.alice.enabled=true",
            "-Dquargo.gateway.accounts.ci-bot.capabilities=apiKey",
            "-jar",
            home.serviceJar("api-gateway").toString());
    assertThat(fleet.javaArguments(REPO_SERVER, home, Map.of()))
        .containsExactly(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            home.serviceJar("repo-server").toString());
  }

  @Test
  void upsFleetAddsNone(@TempDir Path root) {
    StackHome home = new StackHome(root);
    assertThat(new ServiceFleet().javaArguments(GATEWAY, home, Map.of()))
        .noneMatch(argument -> argument.startsWith("-D"));
  }

  @Test
  void aNameThatIsNoServiceIsRefused() {
    assertThatThrownBy(() -> new ServiceFleet(Map.of("api-gatway", Map.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api-gatway")
        .hasMessageContaining("api-gateway");
    assertThatThrownBy(() -> new ServiceFleet(Map.of("kafka", Map.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka");
  }
}
