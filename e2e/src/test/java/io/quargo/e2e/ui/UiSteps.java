package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;

import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Steps several UI tests take. */
final class UiSteps {
  /**
   * Where {@link #screenshot} saves pages when set ({@code -Dquargo.ui.shots=/tmp/ui-shots}), to
   * look at the pages after a change.
   */
  static final String SHOTS_PROPERTY = "quargo.ui.shots";

  private UiSteps() {}

  /**
   * Opens the UI without a session (a test class shares its browser), logs in as admin and waits
   * for the applications page.
   */
  static void logIn(RunningSuite suite, Browser browser) {
    browser.open(suite.gatewayUrl() + "/#/login");
    browser.driver().manage().deleteAllCookies();
    browser.open(suite.gatewayUrl() + "/");
    logInAs(browser, suite.adminUsername(), suite.adminPassword());
  }

  /** On the login page: logs in and waits for the applications page. */
  static void logInAs(Browser browser, String username, String password) {
    browser.visible(testId("login-page"));
    browser.type(testId("login-username"), username);
    browser.type(testId("login-password"), password);
    browser.click(testId("login-submit"));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Applications"));
  }

  /** Logs out from the navigation bar and waits for the login page. */
  static void logOut(Browser browser) {
    browser.click(testId("nav-logout"));
    browser.visible(testId("login-page"));
  }

  /** Opens a page of the UI by its route, e.g. {@code #/settings/projects}, and waits for it. */
  static void goTo(RunningSuite suite, Browser browser, String hash, String title) {
    browser.open(suite.gatewayUrl() + "/" + hash);
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), title));
  }

  /** A CSS selector for an element with a data-testid and one data attribute. */
  static By withData(String testid, String attribute, String value) {
    return By.cssSelector("[data-testid='" + testid + "'][data-" + attribute + "='" + value + "']");
  }

  /** Scrolls {@code by} into view, then saves a screenshot as {@link #screenshot} does. */
  static void screenshotAt(Browser browser, By by, String name) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView()", browser.visible(by));
    screenshot(browser, name);
  }

  /** Saves a screenshot named {@code name} when {@value #SHOTS_PROPERTY} names a folder. */
  static void screenshot(Browser browser, String name) {
    String dir = System.getProperty(SHOTS_PROPERTY, "");
    if (!dir.isBlank()) {
      browser.saveScreenshot(Path.of(dir), name);
    }
  }
}
