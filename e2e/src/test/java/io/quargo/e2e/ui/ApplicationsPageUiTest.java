package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The applications page: an app pasted as JSON, search and status filters, a change made elsewhere
 * shown without a reload, and a refused create showing the problem where it was typed.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class ApplicationsPageUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pasteSearchFilterAndSeeChangesLive(RunningSuite suite, Browser browser) {
    UiSteps.logIn(suite, browser);

    // an app pasted as JSON in the YAML editor
    browser.click(testId("new-app"));
    browser.click(testId("create-yaml-toggle"));
    ObjectNode pasted = application("ui-pasted", suite.demoRepoUrl(), "guestbook");
    browser.type(testId("create-yaml"), pasted.toPrettyString());
    browser.click(testId("create-submit"));
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), "ui-pasted"));
    browser.statusIs(testId("app-sync-status"), "OutOfSync");

    // another made through the API shows up on the list
    suite
        .api()
        .post("/api/v1/applications", application("ui-listed", suite.demoRepoUrl(), "guestbook"));
    browser.click(testId("nav-applications"));
    browser.visible(tile("ui-pasted"));
    browser.visible(tile("ui-listed"));

    browser.type(testId("app-search"), "pasted");
    browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(tile("ui-listed")));
    assertThat(browser.all(tile("ui-pasted"))).hasSize(1);
    browser.visible(testId("app-search")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    browser.visible(tile("ui-listed"));

    browser.click(testId("filter-sync-Synced"));
    browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(tile("ui-listed")));
    browser.click(testId("filter-sync-Synced"));
    browser.click(testId("filter-sync-OutOfSync"));
    browser.visible(tile("ui-listed"));
    browser.click(testId("filter-sync-OutOfSync"));

    // a sync started elsewhere reaches the tile without a reload
    suite.api().post("/api/v1/applications/ui-listed/sync", JSON.createObjectNode());
    browser.statusIs(inTile("ui-listed", "sync-status"), "Synced");
    browser.statusIs(inTile("ui-listed", "health-status"), "Healthy");

    // a refused create says why, in the panel
    browser.click(testId("new-app"));
    browser.type(testId("create-name"), "Not A Name");
    browser.click(testId("create-submit"));
    assertThat(browser.visible(testId("create-error")).getText()).contains("metadata.name");
  }

  private static ObjectNode application(String name, String repo, String path) {
    ObjectNode app = JSON.createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec").put("project", "default");
    spec.putObject("source").put("repoURL", repo).put("path", path).put("targetRevision", "HEAD");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", name);
    spec.putObject("syncPolicy").putArray("syncOptions").add("CreateNamespace=true");
    return app;
  }

  private static By tile(String app) {
    return By.cssSelector("[data-testid='app-tile'][data-app='" + app + "']");
  }

  private static By inTile(String app, String testid) {
    return By.cssSelector(
        "[data-testid='app-tile'][data-app='" + app + "'] [data-testid='" + testid + "']");
  }
}
