package io.quargo.e2e.suite;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * The whole Quargo suite as end-to-end tests see it: every service running from its built jar
 * against real Kafka, PostgreSQL, the sandbox cluster and a Git server holding the demo repository.
 * A test gets it as a parameter from {@link QuargoSuiteExtension}; one suite serves the whole test
 * JVM, so tests must name what they create uniquely (e.g. after the test).
 */
public interface RunningSuite {
  /** The gateway's base URL, e.g. {@code http://127.0.0.1:41234} (UI at {@code /}, API below). */
  String gatewayUrl();

  /** {@code host:port} of the gateway, as {@code quargo login} takes it. */
  default String gatewayAddress() {
    return gatewayUrl().replaceFirst("^https?://", "");
  }

  /** The admin account's name. */
  default String adminUsername() {
    return "admin";
  }

  /** The admin password the gateway generated at its first start. */
  String adminPassword();

  /** A client of the sandbox cluster the services deploy to (to read or change live objects). */
  KubernetesClient sandbox();

  /** The sandbox cluster's kubeconfig file (for kubectl or a CLI under test). */
  Path kubeconfig();

  /** The clone URL of the demo repository (Argo's guestbook as YAML, Kustomize and Helm). */
  String demoRepoUrl();

  /** The repository root (where {@code ./quargo} and the modules' {@code target/} are). */
  Path repoRoot();

  /** The folder holding each part's log ({@code <part>.log}), for a failing test to point at. */
  Path logs();

  /** An HTTP client of the gateway's REST API, logged in as admin. */
  GatewayApi api();
}
