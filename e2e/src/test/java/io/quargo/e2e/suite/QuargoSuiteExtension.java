package io.quargo.e2e.suite;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the Quargo suite once per test JVM, on the first test class that asks for it, and stops it
 * when the JVM's tests are done (the root store closes it), leaving no process behind. A test
 * declares {@code @ExtendWith(QuargoSuiteExtension.class)} and takes a {@link RunningSuite}
 * parameter (constructor, lifecycle or test method).
 */
public final class QuargoSuiteExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(QuargoSuiteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    suite(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningSuite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return suite(context);
  }

  /** The one suite of this JVM, started on first use. */
  static RunningSuite suite(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            SuiteLauncher.class, k -> SuiteLauncher.start(System.out), SuiteLauncher.class);
  }
}
