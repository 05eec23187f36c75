package io.quargo.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordLineTest {

  @Test
  void showsTheGatewaysGeneratedPasswordWhileItsFileExists(@TempDir Path root) throws Exception {
    StackHome home = new StackHome(root);
    assertThat(StatusTable.adminPasswordLine(home)).isEmpty();

    Path file = StatusTable.adminPasswordFile(home);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "s3cret-generated\n");
    assertThat(StatusTable.adminPasswordLine(home))
        .hasValueSatisfying(
            line -> assertThat(line).contains("s3cret-generated").contains("admin"));

    Files.delete(file);
    assertThat(StatusTable.adminPasswordLine(home)).isEmpty();
  }

  @Test
  void theGatewayIsToldWhereToWriteItAndWhereAppControllerListens(@TempDir Path root) {
    StackHome home = new StackHome(root);
    PortPlan ports = PortPlan.resolve(name -> null, java.util.Map.of());
    assertThat(ServiceFleet.gatewayEnvironment(home, ports))
        .containsEntry("QUARGO_ADMIN_PASSWORD_FILE", StatusTable.adminPasswordFile(home).toString())
        .containsEntry("QUARGO_APP_CONTROLLER_URL", "http://127.0.0.1:8082");
  }
}
