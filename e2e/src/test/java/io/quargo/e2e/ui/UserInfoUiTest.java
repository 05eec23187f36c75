package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Argo CD's User Info page: who am I, and "Update password", after which the old password is
 * refused and the new one logs in. The suite has admin as its only local account, so the test
 * changes admin's password and sets it back through the same form (and through the API when a step
 * fails), leaving the suite as it found it for the other tests.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class UserInfoUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void changeThePasswordAndLogInWithTheNewOne(RunningSuite suite, Browser browser) {
    String original = suite.adminPassword();
    String changed = "ui-e2e-" + Long.toHexString(System.nanoTime());
    boolean restored = false;
    suite.api().token(); // logged in before the change, so restore() can still call the API
    UiSteps.logIn(suite, browser);
    try {
      browser.click(testId("nav-user-info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "User Info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("user-info-username"), "admin"));
      UiSteps.screenshot(browser, "user-info");

      // a confirmation that differs is said in the panel, before anything is sent
      browser.click(testId("update-password"));
      browser.type(testId("password-current"), original);
      browser.type(testId("password-new"), changed);
      browser.type(testId("password-confirm"), changed + "x");
      browser.click(testId("password-submit"));
      assertThat(browser.visible(testId("password-error")).getText())
          .contains("Passwords do not match");
      // a wrong current password comes back from the gateway, naming the field
      browser.type(testId("password-current"), "not-the-password");
      browser.type(testId("password-confirm"), changed);
      browser.click(testId("password-submit"));
      browser.waitFor(
          ExpectedConditions.textToBePresentInElementLocated(
              testId("password-error"), "currentPassword"));
      UiSteps.screenshot(browser, "user-info-password");
      browser.click(testId("panel-close"));

      changePassword(browser, original, changed);
      UiSteps.logOut(browser);
      browser.type(testId("login-password"), original);
      browser.click(testId("login-submit"));
      assertThat(browser.visible(testId("login-error")).getText())
          .contains("Invalid username or password");
      UiSteps.logInAs(browser, "admin", changed);

      // and back, through the same form
      browser.click(testId("nav-user-info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("user-info-username"), "admin"));
      changePassword(browser, changed, original);
      restored = true;
      UiSteps.logOut(browser);
      UiSteps.logInAs(browser, "admin", original);
    } finally {
      if (!restored) {
        restore(suite, changed, original);
      }
    }
  }

  private static void changePassword(Browser browser, String current, String next) {
    browser.click(testId("update-password"));
    browser.type(testId("password-current"), current);
    browser.type(testId("password-new"), next);
    browser.type(testId("password-confirm"), next);
    browser.click(testId("password-submit"));
    browser.visible(testId("password-changed"));
  }

  /** Sets admin's password back if the form left it changed (it may not have changed it). */
  private static void restore(RunningSuite suite, String changed, String original) {
    try {
      suite
          .api()
          .put(
              "/api/v1/account/password",
              JSON.createObjectNode().put("currentPassword", changed).put("newPassword", original));
    } catch (IllegalStateException notChanged) {
      // 400: the current password is still the original one
    }
  }
}
