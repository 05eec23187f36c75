package io.quargo.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The launcher gives a suite whose gateway logs admin in and reaches app-controller. */
@ExtendWith(QuargoSuiteExtension.class)
class RunningSuiteTest {

  @Test
  void gatewayAnswersAsAdminAndTheSandboxAndDemoRepoAreThere(RunningSuite suite) {
    assertThat(suite.gatewayUrl()).startsWith("http://127.0.0.1:");
    assertThat(suite.adminPassword()).isNotBlank();
    JsonNode apps = suite.api().get("/api/v1/applications");
    assertThat(apps.path("items").isArray() || apps.path("items").isNull())
        .as("application list %s", apps)
        .isTrue();
    assertThat(suite.sandbox().namespaces().list().getItems()).isNotNull();
    assertThat(suite.demoRepoUrl()).startsWith("git://127.0.0.1:").endsWith("demo.git");
    assertThat(suite.kubeconfig()).exists();
  }
}
