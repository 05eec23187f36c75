package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import io.quargo.e2e.suite.SuiteLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Argo CD's User Info page: who am I, and "Update password", after which the session the change was
 * made with has ended, the old password is refused and the new one logs in. A change ends every
 * session of the account, so the test changes the password of the suite's second account ({@link
 * SuiteLauncher#secondAccount()}), not admin's, which the other tests hold sessions of; it sets it
 * back through the same form (and as admin through the API when a step fails).
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class UserInfoUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void changeThePasswordAndLogInWithTheNewOne(RunningSuite suite, Browser browser) {
    SuiteLauncher.LocalAccount account = ((SuiteLauncher) suite).secondAccount();
    String gateway = suite.gatewayUrl();
    String original = account.password();
    String changed = "ui-e2e-" + Long.toHexString(System.nanoTime());
    boolean restored = false;
    browser.open(gateway + "/#/login");
    browser.driver().manage().deleteAllCookies();
    browser.open(gateway + "/");
    UiSteps.logInAs(browser, account.name(), original);
    try {
      browser.click(testId("nav-user-info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "User Info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("user-info-username"), account.name()));
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
      // the change ended this session (as every session of the account): a new page logs in
      browser.open(gateway + "/");
      browser.visible(testId("login-page"));
      browser.type(testId("login-username"), account.name());
      browser.type(testId("login-password"), original);
      browser.click(testId("login-submit"));
      assertThat(browser.visible(testId("login-error")).getText())
          .contains("Invalid username or password");
      UiSteps.logInAs(browser, account.name(), changed);

      // and back, through the same form
      browser.click(testId("nav-user-info"));
      browser.waitFor(ExpectedConditions.textToBe(testId("user-info-username"), account.name()));
      changePassword(browser, changed, original);
      restored = true;
      UiSteps.logOut(browser);
      UiSteps.logInAs(browser, account.name(), original);
    } finally {
      if (!restored) {
        restore(suite, account);
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

  /** Sets the account's password back as admin, if the form left it changed. */
  private static void restore(RunningSuite suite, SuiteLauncher.LocalAccount account) {
    suite
        .api()
        .put(
            "/api/v1/account/password",
            JSON.createObjectNode()
                .put("name", account.name())
                .put("currentPassword", suite.adminPassword())
                .put("newPassword", account.password()));
  }
}
