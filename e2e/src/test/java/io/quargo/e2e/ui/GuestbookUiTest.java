package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Argo CD's first walk-through in the browser: log in, create the guestbook from the form, sync it,
 * drift it in the cluster, see the drift as a diff, refresh, sync back and roll back from the
 * history, the Last sync card following each rollback to its end.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class GuestbookUiTest {
  // a name and namespace of its own: other e2e tests share the suite and may deploy "guestbook"
  private static final String APP = "guestbook-ui-e2e";
  private static final String NAMESPACE = "guestbook-ui-e2e";

  @Test
  void createSyncDriftDiffAndRefreshTheGuestbook(RunningSuite suite, Browser browser) {
    UiSteps.logIn(suite, browser);

    browser.click(testId("new-app"));
    browser.type(testId("create-name"), APP);
    browser.type(testId("create-repo"), suite.demoRepoUrl());
    browser.type(testId("create-path"), "guestbook");
    browser.type(testId("create-dest-namespace"), NAMESPACE);
    browser.click(testId("create-submit"));

    // the new app's page: not deployed yet
    browser.waitFor(ExpectedConditions.textToBe(testId("page-title"), APP));
    browser.statusIs(testId("app-sync-status"), "OutOfSync");
    browser.waitFor(ExpectedConditions.textToBe(testId("app-repo"), suite.demoRepoUrl()));
    browser.waitFor(ExpectedConditions.textToBe(testId("app-path"), "guestbook"));

    browser.click(testId("app-sync"));
    browser.visible(testId("sync-panel"));
    assertThat(browser.all(testId("sync-resource")))
        .extracting(e -> e.getAttribute("data-key"))
        .contains(
            "apps/Deployment/" + NAMESPACE + "/guestbook-ui",
            "/Service/" + NAMESPACE + "/guestbook-ui");
    browser.click(testId("sync-submit"));

    browser.statusIs(testId("app-sync-status"), "Synced");
    browser.statusIs(testId("app-health-status"), "Healthy");
    browser.statusIs(testId("app-operation-phase"), "Succeeded");
    // the tree grows to Deployment → ReplicaSet → Pod
    browser.visible(node("Deployment", "guestbook-ui"));
    browser.visible(node("Service", "guestbook-ui"));
    browser.visible(By.cssSelector("[data-testid='tree-node'][data-kind='ReplicaSet']"));
    browser.visible(By.cssSelector("[data-testid='tree-node'][data-kind='Pod']"));
    assertThat(browser.visible(testId("app-diff")).isEnabled())
        .as("Diff is only for an OutOfSync app")
        .isFalse();

    // the live manifest of the Deployment
    browser.click(node("Deployment", "guestbook-ui"));
    WebElement live = browser.visible(testId("manifest-live"));
    assertThat(live.getText()).contains("replicas: 1").contains("name: guestbook-ui");
    browser.click(testId("panel-close"));

    // drift: someone scales the Deployment in the cluster
    suite
        .sandbox()
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withName("guestbook-ui")
        .edit(
            d -> {
              d.getSpec().setReplicas(3);
              return d;
            });

    browser.statusIs(testId("app-sync-status"), "OutOfSync");
    browser.waitFor(ExpectedConditions.elementToBeClickable(testId("app-diff"))).click();
    WebElement diff =
        browser.visible(
            By.cssSelector(
                "[data-testid='diff-resource'][data-kind='Deployment'][data-name='guestbook-ui']"));
    assertThat(diff.findElements(By.cssSelector("[data-testid='diff-desired-line']")))
        .extracting(WebElement::getText)
        .anyMatch(line -> line.contains("replicas: 1"));
    assertThat(diff.findElements(By.cssSelector("[data-testid='diff-live-line']")))
        .extracting(WebElement::getText)
        .anyMatch(line -> line.contains("replicas: 3"));
    browser.click(testId("panel-close"));

    // a refresh compares again: still OutOfSync, and nothing went wrong
    browser.click(testId("app-refresh"));
    browser.statusIs(testId("app-sync-status"), "OutOfSync");
    assertThat(browser.all(testId("action-error"))).isEmpty();

    // sync it back (a second history entry), then roll back to the first from the history
    browser.click(testId("app-sync"));
    browser.click(testId("sync-submit"));
    browser.statusIs(testId("app-sync-status"), "Synced");
    browser.waitFor(d -> history(suite).size() == 2);
    browser.click(testId("app-history"));
    browser.waitFor(d -> d.findElements(testId("history-entry")).size() == 2);
    browser.click(testId("history-rollback"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    browser.waitFor(d -> history(suite).size() == 3);
    assertThat(history(suite).get(2).path("revision").asText())
        .isEqualTo(history(suite).get(0).path("revision").asText());
    // the Last sync card follows the rollback to its end, not only the history (issue 5)
    lastSyncCardShows(browser, operationId(suite.api().get("/api/v1/applications/" + APP)));

    // again, with the rollback's answer (Running) held back in the page until the stream has
    // shown the end: the late answer must not put the card back to "Running"
    HeldRollbackAnswer held = HeldRollbackAnswer.install(browser);
    browser.click(testId("app-history"));
    browser.waitFor(d -> d.findElements(testId("history-entry")).size() == 3);
    browser.click(testId("history-rollback"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    JsonNode answer = held.awaitAnswer();
    assertThat(answer.path("status").path("operationState").path("phase").asText())
        .isEqualTo("Running");
    lastSyncCardShows(browser, operationId(answer));
    held.release();
    browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(testId("history-panel")));
    assertThat(browser.visible(testId("app-last-sync")).getAttribute("data-operation-id"))
        .isEqualTo(operationId(answer));
    assertThat(browser.visible(testId("app-operation-phase")).getAttribute("data-status"))
        .isEqualTo("Succeeded");
    assertThat(history(suite)).hasSize(4);
    UiSteps.screenshot(browser, "app-detail-after-rollback");
  }

  /** Waits until the Last sync card shows the operation {@code id} as Succeeded. */
  private static void lastSyncCardShows(Browser browser, String id) {
    browser.waitFor(
        ExpectedConditions.attributeToBe(testId("app-last-sync"), "data-operation-id", id));
    browser.statusIs(testId("app-operation-phase"), "Succeeded");
  }

  private static String operationId(JsonNode app) {
    for (JsonNode info : app.path("status").path("operationState").path("operation").path("info")) {
      if (info.path("name").asText().equals("operationId")) {
        return info.path("value").asText();
      }
    }
    throw new AssertionError("no operationId in " + app.path("status").path("operationState"));
  }

  private static List<JsonNode> history(RunningSuite suite) {
    List<JsonNode> entries = new ArrayList<>();
    suite
        .api()
        .get("/api/v1/applications/" + APP)
        .path("status")
        .path("history")
        .forEach(entries::add);
    return entries;
  }

  private static By node(String kind, String name) {
    return By.cssSelector(
        "[data-testid='tree-node'][data-kind='" + kind + "'][data-name='" + name + "']");
  }
}
