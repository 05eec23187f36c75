package io.quargo.testkit.git;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: starts the shared {@link GitServer}, sets {@code quargo.test.git.url} (the
 * base URL {@code git://127.0.0.1:port/}) and injects the server into test fields of type {@link
 * GitServer}.
 */
public class GitServerTestResource implements QuarkusTestResourceLifecycleManager {
  /** The configuration property holding the server's base URL. */
  public static final String URL_PROPERTY = "quargo.test.git.url";

  @Override
  public Map<String, String> start() {
    return Map.of(URL_PROPERTY, GitServer.shared().baseUrl());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(GitServer.shared(), new TestInjector.MatchesType(GitServer.class));
  }

  @Override
  public void stop() {
    // shared by all test classes of this JVM; stopped by a shutdown hook
  }
}
