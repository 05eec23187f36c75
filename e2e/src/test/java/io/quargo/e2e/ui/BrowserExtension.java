package io.quargo.e2e.ui;

import io.quargo.e2e.suite.SuiteLauncher;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link Browser} (closed after the class), skips the class when Chromium is
 * not installed, and saves a screenshot and the page source of a failing test under {@code
 * e2e/target/screenshots}.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  /** Where screenshots of failed tests go. */
  public static final Path SCREENSHOTS = SuiteLauncher.buildDirectory().resolve("screenshots");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  private static Browser browser(ExtensionContext context) {
    Assumptions.assumeTrue(
        Browser.installed(),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(
            Browser.class,
            k -> Browser.start(SuiteLauncher.buildDirectory().resolve("browser")),
            Browser.class);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    ExtensionContext classContext = context.getParent().orElse(context);
    Browser browser = classContext.getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    Path png = browser.saveScreenshot(SCREENSHOTS, name);
    System.out.println("screenshot of the failed test: " + png.toAbsolutePath());
  }
}
