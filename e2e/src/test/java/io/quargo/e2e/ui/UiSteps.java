package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;

import io.quargo.e2e.suite.RunningSuite;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Steps several UI tests take. */
final class UiSteps {
  private UiSteps() {}

  /** Opens the UI, logs in as admin and waits for the applications page. */
  static void logIn(RunningSuite suite, Browser browser) {
    browser.open(suite.gatewayUrl() + "/");
    browser.visible(testId("login-page"));
    browser.type(testId("login-username"), suite.adminUsername());
    browser.type(testId("login-password"), suite.adminPassword());
    browser.click(testId("login-submit"));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Applications"));
  }
}
