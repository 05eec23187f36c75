package io.quargo.testkit.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.devstack.sandbox.SandboxCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for tests without Quarkus: injects the shared {@link SandboxCluster} (or its
 * {@link KubernetesClient}) into test constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @ExtendWith(SandboxClusterExtension.class)
 * class MyTest {
 *   @Test
 *   void deploys(SandboxCluster cluster) { ... }
 * }
 * }</pre>
 */
public class SandboxClusterExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SandboxCluster.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SandboxCluster cluster = TestSandbox.cluster();
    return parameter.getParameter().getType() == SandboxCluster.class ? cluster : cluster.client();
  }
}
