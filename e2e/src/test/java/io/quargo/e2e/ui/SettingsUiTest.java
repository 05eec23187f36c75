package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static io.quargo.e2e.ui.UiSteps.withData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Settings pages as Argo CD has them: a project created from the form, listed, opened, edited
 * and deleted; a repository connected (its password never shown back) and disconnected; the local
 * accounts; the in-cluster cluster listed and opened.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class SettingsUiTest {
  private static final String PROJECT = "ui-settings-e2e";

  @Test
  void createAProjectFromTheFormSeeItListedOpenEditAndDeleteIt(
      RunningSuite suite, Browser browser) {
    UiSteps.logIn(suite, browser);
    browser.click(testId("nav-settings"));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Settings"));
    UiSteps.screenshot(browser, "settings");
    browser.click(testId("settings-projects"));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Projects"));
    browser.visible(withData("project-row", "name", "default"));

    // a refused name is said in the panel, before anything is sent
    browser.click(testId("new-project"));
    browser.type(testId("project-name"), "Not A Name");
    browser.click(testId("project-submit"));
    assertThat(browser.visible(testId("project-error")).getText()).contains("lower case");

    browser.type(testId("project-name"), PROJECT);
    browser.type(testId("project-description"), "made in the browser");
    browser.type(testId("project-sources"), suite.demoRepoUrl());
    browser.type(testId("project-destinations"), "https://kubernetes.default.svc ui-settings-ns");
    UiSteps.screenshot(browser, "project-create");
    browser.click(testId("project-submit"));

    // the new project's page
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), PROJECT));
    browser.waitFor(
        ExpectedConditions.textToBe(testId("project-detail-description"), "made in the browser"));
    assertThat(browser.visible(testId("project-source")).getText()).isEqualTo(suite.demoRepoUrl());
    assertThat(browser.visible(testId("project-destination")).getText())
        .contains("https://kubernetes.default.svc")
        .contains("ui-settings-ns");
    JsonNode stored = suite.api().get("/api/v1/projects/" + PROJECT).path("spec");
    assertThat(stored.path("sourceRepos").get(0).asText()).isEqualTo(suite.demoRepoUrl());
    assertThat(stored.path("destinations").get(0).path("namespace").asText())
        .isEqualTo("ui-settings-ns");
    UiSteps.screenshot(browser, "project-detail-new");

    // listed with its description, destinations and sources
    browser.click(By.cssSelector(".crumbs a[href='#/settings/projects']"));
    WebElement row = browser.visible(withData("project-row", "name", PROJECT));
    assertThat(row.getText())
        .contains("made in the browser")
        .contains("ui-settings-ns")
        .contains(suite.demoRepoUrl());
    UiSteps.screenshot(browser, "projects");
    row.click();

    // edit: description, a second source, a second destination
    browser.click(testId("project-edit"));
    browser.type(testId("project-description"), "edited in the browser");
    browser.visible(testId("project-sources")).sendKeys("\nhttps://example.com/charts.git");
    browser.visible(testId("project-destinations")).sendKeys("\nin-cluster ui-settings-two");
    browser.click(testId("project-submit"));
    browser.waitFor(
        ExpectedConditions.textToBe(testId("project-detail-description"), "edited in the browser"));
    assertThat(browser.all(testId("project-source"))).hasSize(2);
    assertThat(browser.all(testId("project-destination")))
        .extracting(WebElement::getText)
        .anyMatch(line -> line.contains("in-cluster") && line.contains("ui-settings-two"));
    JsonNode edited = suite.api().get("/api/v1/projects/" + PROJECT).path("spec");
    assertThat(edited.path("destinations").get(1).path("name").asText()).isEqualTo("in-cluster");

    // delete, after the confirmation
    browser.click(testId("project-delete"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "Projects"));
    browser.visible(withData("project-row", "name", "default"));
    assertThat(browser.all(withData("project-row", "name", PROJECT))).isEmpty();
  }

  @Test
  void connectARepositorySeeItListedAndDisconnectIt(RunningSuite suite, Browser browser) {
    // the demo repository under another host name: a repository of its own for the registry
    String url = suite.demoRepoUrl().replace("127.0.0.1", "localhost");
    String password = "never-shown-" + System.nanoTime();
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/settings/repos", "Repositories");

    browser.click(testId("connect-repo"));
    browser.type(testId("repo-url"), url);
    browser.type(testId("repo-username"), "ui-user");
    browser.type(testId("repo-password"), password);
    UiSteps.screenshot(browser, "repo-connect");
    browser.click(testId("repo-submit"));

    By row = withData("repo-row", "repo", url);
    browser.visible(row);
    browser.statusIs(
        By.cssSelector(
            "[data-testid='repo-row'][data-repo='" + url + "'] [data-testid='repo-connection']"),
        "Successful");
    assertThat(browser.visible(row).getText()).contains("git").contains("ui-user");
    assertThat(browser.driver().getPageSource()).doesNotContain(password);
    UiSteps.screenshot(browser, "repos");

    browser.visible(row).findElement(testId("repo-disconnect")).click();
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(row));
    assertThat(suite.api().get("/api/v1/repositories").findValuesAsText("repo"))
        .doesNotContain(url);
  }

  @Test
  void listTheLocalAccounts(RunningSuite suite, Browser browser) {
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/settings/accounts", "Accounts");
    assertThat(browser.visible(withData("account-row", "name", "admin")).getText())
        .contains("true")
        .contains("login");
    UiSteps.screenshot(browser, "accounts");
  }

  @Test
  void seeTheInClusterClusterAndOpenIt(RunningSuite suite, Browser browser) {
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/settings/clusters", "Clusters");
    By row = withData("cluster-row", "name", "in-cluster");
    assertThat(browser.visible(row).getText()).contains("https://kubernetes.default.svc");
    browser.statusIs(
        By.cssSelector(
            "[data-testid='cluster-row'][data-name='in-cluster'] [data-testid='cluster-connection']"),
        "Successful");
    UiSteps.screenshot(browser, "clusters");

    browser.click(row);
    browser.waitFor(
        ExpectedConditions.textToBe(testId("page-title"), "https://kubernetes.default.svc"));
    assertThat(browser.visible(testId("cluster-detail-name")).getText()).isEqualTo("in-cluster");
    browser.statusIs(testId("cluster-detail-connection"), "Successful");
    assertThat(browser.visible(testId("cluster-detail-version")).getText()).isNotBlank();
    UiSteps.screenshot(browser, "cluster-detail");
  }
}
