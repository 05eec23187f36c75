package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static io.quargo.e2e.ui.UiSteps.withData;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import io.quargo.e2e.suite.SuiteLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Argo CD's Settings / Accounts / &lt;account&gt; in the browser: admin, without the apiKey
 * capability, says so instead of offering Generate; {@code ci-bot} (API tokens only) gets a token
 * that is shown once, works against the API, and is refused (401) once deleted from its page. The
 * suite's gateway is started with that account ({@link SuiteLauncher#TOKEN_ACCOUNT}).
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class AccountTokensUiTest {
  private static final String ACCOUNT = SuiteLauncher.TOKEN_ACCOUNT;
  private static final String TOKEN_ID = "ui-e2e-token";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void generateUseAndDeleteAnApiToken(RunningSuite suite, Browser browser) {
    String gateway = suite.gatewayUrl();
    browser.open(gateway + "/#/login");
    browser.driver().manage().deleteAllCookies();
    browser.open(gateway + "/");
    UiSteps.logInAs(browser, suite.adminUsername(), suite.adminPassword());

    // admin may only log in: its page says why there is no Generate
    open(browser, gateway, "admin");
    assertThat(browser.visible(testId("token-no-apikey")).getText())
        .contains("does not have the apiKey capability")
        .contains("quargo.gateway.admin.capabilities");
    assertThat(browser.all(testId("token-generate"))).isEmpty();
    UiSteps.screenshot(browser, "account-admin-tokens");

    // the list leads to ci-bot's page
    browser.open(gateway + "/#/settings/accounts");
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Accounts"));
    browser.click(withData("account-row", "name", ACCOUNT));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), ACCOUNT));
    assertThat(browser.visible(testId("account-detail-capabilities")).getText())
        .isEqualTo("apiKey");
    browser.visible(testId("account-tokens-empty"));

    // a malformed lifetime is said at the form, and nothing is issued
    browser.type(testId("token-id"), TOKEN_ID);
    browser.type(testId("token-expires-in"), "tomorrow");
    browser.click(testId("token-generate"));
    assertThat(browser.visible(testId("token-error")).getText()).contains("Expires in");
    assertThat(browser.all(testId("account-token"))).isEmpty();

    browser.type(testId("token-expires-in"), "1d");
    browser.click(testId("token-generate"));
    String token = browser.visible(testId("new-token-value")).getAttribute("value");
    assertThat(browser.visible(testId("new-token")).getText()).contains("not shown again");
    WebElement row = browser.visible(withData("account-token", "id", TOKEN_ID));
    assertThat(row.getText()).doesNotContain("Never");
    assertThat(browser.all(testId("token-error"))).isEmpty();
    UiSteps.screenshot(browser, "account-token-generated");

    // the token is ci-bot's, and works
    HttpResponse<String> answer = get(gateway + "/api/v1/account/" + ACCOUNT, token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains(TOKEN_ID);

    // shown once: the page opened again lists it, without its value
    browser.open(gateway + "/#/settings");
    open(browser, gateway, ACCOUNT);
    browser.visible(withData("account-token", "id", TOKEN_ID));
    assertThat(browser.all(testId("new-token"))).isEmpty();

    // deleted after a confirmation: gone from the list, refused by the API
    browser.click(
        By.cssSelector(
            "[data-testid='account-token'][data-id='"
                + TOKEN_ID
                + "'] [data-testid='token-delete']"));
    Alert question = browser.waitFor(ExpectedConditions.alertIsPresent());
    assertThat(question.getText()).contains("'" + TOKEN_ID + "'");
    question.accept();
    browser.visible(testId("account-tokens-empty"));
    assertThat(get(gateway + "/api/v1/account/" + ACCOUNT, token).statusCode()).isEqualTo(401);
    UiSteps.screenshot(browser, "account-token-deleted");
  }

  private static void open(Browser browser, String gateway, String account) {
    browser.open(gateway + "/#/settings/accounts/" + account);
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), account));
    browser.visible(testId("account-detail"));
  }

  private HttpResponse<String> get(String url, String bearer) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .header("Authorization", "Bearer " + bearer)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + url, e);
    }
  }
}
