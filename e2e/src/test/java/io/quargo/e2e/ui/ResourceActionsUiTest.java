package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Argo CD's resource actions in the browser: the guestbook Deployment's kebab menu lists restart,
 * pause and resume (resume disabled while it runs); restart asks first, runs, says so, and the live
 * Deployment's pod template gets {@code kubectl.kubernetes.io/restartedAt}; the resource panel's
 * Actions menu pauses it, after which pause is the disabled one. Scale asks for its replicas in a
 * dialog prefilled with the current count, refuses a value its regexp rejects, and sets the live
 * {@code spec.replicas}. A caller who may read the app but not run actions on it sees the 403's
 * permission where it ran the action.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class ResourceActionsUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // a name and namespace of its own: the suite is shared with the other e2e tests
  private static final String APP = "actions-ui-e2e";
  private static final String DENIED_APP = "actions-denied-e2e";
  private static final String SCALE_APP = "actions-scale-e2e";
  private static final String PROJECT = "actions-ui-e2e";
  private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  @Test
  void restartAndPauseTheGuestbookDeploymentFromItsMenus(RunningSuite suite, Browser browser) {
    suite.api().post("/api/v1/applications", application(APP, suite.demoRepoUrl()));
    suite.api().post("/api/v1/applications/" + APP + "/sync", JSON.createObjectNode());
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/applications/" + APP, APP);
    browser.statusIs(testId("app-sync-status"), "Synced");
    browser.visible(node("Deployment"));

    // the node's menu: Details, then the Deployment's actions as its state allows them
    openNodeMenu(browser);
    assertThat(browser.visible(action("restart")).isEnabled()).isTrue();
    assertThat(browser.visible(action("pause")).isEnabled()).isTrue();
    assertThat(browser.visible(action("resume")).isEnabled())
        .as("resume is for a paused Deployment")
        .isFalse();
    assertThat(browser.visible(testId("node-details")).getText()).isEqualTo("Details");
    UiSteps.screenshot(browser, "resource-actions-menu");

    // asked first: a "no" runs nothing
    browser.click(action("restart"));
    Alert question = browser.waitFor(ExpectedConditions.alertIsPresent());
    assertThat(question.getText()).startsWith("Are you sure you want to run 'restart'?");
    question.dismiss();
    assertThat(browser.all(testId("resource-action-result"))).isEmpty();
    assertThat(restartedAt(suite)).as("no restart after a no").isEmpty();

    // a "yes" runs it: said above the page, and the live pod template is stamped
    openNodeMenu(browser);
    browser.click(action("restart"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    assertThat(browser.visible(testId("resource-action-result")).getText())
        .isEqualTo("Ran 'restart' on Deployment guestbook-ui.");
    assertThat(browser.all(testId("resource-action-error"))).isEmpty();
    browser.waitFor(d -> !restartedAt(suite).isEmpty());
    UiSteps.screenshot(browser, "resource-action-restarted");

    // the resource panel's Actions menu: pause, told in the panel; then pause is disabled
    clickInTree(browser, node("Deployment"));
    browser.visible(testId("resource-panel"));
    browser.click(testId("resource-actions"));
    browser.click(action("pause"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    WebElement told =
        browser.visible(By.cssSelector("[data-testid='resource-message'] [data-action='pause']"));
    assertThat(told.getText()).isEqualTo("Ran 'pause' on Deployment guestbook-ui.");
    browser.waitFor(d -> liveDeployment(suite).path("spec").path("paused").asBoolean(false));
    // the menu lists what the resource offers when it opens: open it until it shows the pause
    browser.waitFor(
        d -> {
          if (d.findElements(testId("resource-actions-menu")).isEmpty()) {
            d.findElement(testId("resource-actions")).click();
          }
          List<WebElement> resume = d.findElements(action("resume"));
          if (!resume.isEmpty() && resume.get(0).isEnabled()) {
            return true;
          }
          if (!resume.isEmpty()) {
            d.findElement(testId("resource-actions")).click(); // closes it, to load it again
          }
          return false;
        });
    assertThat(browser.visible(action("pause")).isEnabled()).isFalse();
    UiSteps.screenshot(browser, "resource-actions-panel");
  }

  @Test
  void scaleTheGuestbookDeploymentToThreeFromTheParametersDialog(
      RunningSuite suite, Browser browser) {
    suite.api().post("/api/v1/applications", application(SCALE_APP, suite.demoRepoUrl()));
    suite.api().post("/api/v1/applications/" + SCALE_APP + "/sync", JSON.createObjectNode());
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/applications/" + SCALE_APP, SCALE_APP);
    browser.statusIs(testId("app-sync-status"), "Synced");
    browser.visible(node("Deployment"));

    // scale asks for its parameter instead of a plain confirmation, prefilled with the count now
    openNodeMenuListing(browser, "scale");
    browser.click(action("scale"));
    browser.visible(testId("action-params-dialog"));
    By replicas = By.cssSelector("[data-testid='action-param'][data-param='replicas']");
    assertThat(browser.visible(replicas).getAttribute("value")).isEqualTo("1");
    assertThat(browser.visible(testId("action-params-dialog")).getText())
        .contains("Enter input parameters for action: scale")
        .contains("Deployment guestbook-ui in " + SCALE_APP);

    // a value the action's regexp rejects shows its error message and runs nothing
    browser.type(replicas, "-1");
    browser.click(testId("action-params-ok"));
    assertThat(browser.visible(testId("action-param-error")).getText()).isNotBlank();
    assertThat(browser.all(testId("resource-action-result"))).isEmpty();
    UiSteps.screenshot(browser, "resource-action-scale-invalid");

    // 3 and OK: told on the page, and the live Deployment wants 3 replicas
    browser.type(replicas, "3");
    assertThat(browser.all(testId("action-param-error")).get(0).isDisplayed()).isFalse();
    UiSteps.screenshot(browser, "resource-action-scale-dialog");
    browser.click(testId("action-params-ok"));
    assertThat(browser.visible(testId("resource-action-result")).getText())
        .isEqualTo("Ran 'scale' (replicas 3) on Deployment guestbook-ui.");
    assertThat(browser.all(testId("action-params-dialog"))).isEmpty();
    browser.waitFor(
        d -> liveDeployment(suite, SCALE_APP).path("spec").path("replicas").asInt() == 3);
    UiSteps.screenshot(browser, "resource-action-scaled");

    // Cancel runs nothing
    openNodeMenu(browser);
    browser.click(action("scale"));
    assertThat(browser.visible(replicas).getAttribute("value")).isEqualTo("3");
    browser.type(replicas, "5");
    browser.click(testId("action-params-cancel"));
    assertThat(browser.all(testId("action-params-dialog"))).isEmpty();
    assertThat(liveDeployment(suite, SCALE_APP).path("spec").path("replicas").asInt()).isEqualTo(3);
  }

  @Test
  void anActionTheCallerMayNotRunShowsThePermissionProblemInThePage(
      RunningSuite suite, Browser browser) throws IOException {
    suite.api().post("/api/v1/projects", project());
    String token =
        suite
            .api()
            .post(
                "/api/v1/projects/" + PROJECT + "/roles/viewer/token",
                JSON.createObjectNode().put("id", "actions-ui"))
            .path("token")
            .asText();
    ObjectNode app = application(DENIED_APP, suite.demoRepoUrl());
    ((ObjectNode) app.path("spec")).put("project", PROJECT);
    suite.api().post("/api/v1/applications", app);
    suite.api().post("/api/v1/applications/" + DENIED_APP + "/sync", JSON.createObjectNode());
    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/applications/" + DENIED_APP, DENIED_APP);
    browser.statusIs(testId("app-sync-status"), "Synced");

    // the same page through a token that may read the app but run nothing on it
    browser.driver().manage().deleteAllCookies();
    browser.driver().manage().addCookie(new Cookie("argocd.token", token, "/"));
    UiSteps.goTo(suite, browser, "#/applications/" + DENIED_APP, DENIED_APP);
    openNodeMenuListing(browser, "restart");
    browser.click(action("restart"));
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    WebElement problem = browser.visible(testId("resource-action-error"));
    assertThat(problem.getAttribute("data-status")).isEqualTo("403");
    assertThat(problem.getText())
        .contains("Permission denied")
        .contains("action/apps/Deployment/restart")
        .contains(PROJECT + "/" + DENIED_APP);
    assertThat(browser.all(testId("resource-action-result"))).isEmpty();
    UiSteps.screenshot(browser, "resource-action-denied");
  }

  private static JsonNode project() throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set(
        "project",
        JSON.readTree(
            """
            {"metadata": {"name": "%s"},
             "spec": {
               "sourceRepos": ["*"],
               "destinations": [{"server": "*", "namespace": "*"}],
               "clusterResourceWhitelist": [{"group": "", "kind": "Namespace"}],
               "roles": [{"name": "viewer", "policies":
                 ["p, proj:%s:viewer, applications, get, %s/*, allow"]}]}}
            """
                .formatted(PROJECT, PROJECT, PROJECT)));
    return body;
  }

  /**
   * Opens the Deployment's menu until it lists {@code name}: a page whose tree was read before
   * app-controller saw the synced Deployment marks it not live ("nothing to run") until the page
   * reads the tree again by itself (no reload), so such a menu is closed and opened again.
   */
  private static void openNodeMenuListing(Browser browser, String name) {
    By kebab = By.cssSelector(nodeCss("Deployment") + " [data-testid='node-menu']");
    browser.waitFor(
        d -> {
          if (d.findElements(testId("resource-actions-menu")).isEmpty()) {
            d.findElement(kebab).click();
          }
          if (!d.findElements(action(name)).isEmpty()) {
            return true;
          }
          if (!d.findElements(testId("resource-actions-none")).isEmpty()) {
            d.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
          }
          return false;
        });
  }

  private static void openNodeMenu(Browser browser) {
    clickInTree(browser, By.cssSelector(nodeCss("Deployment") + " [data-testid='node-menu']"));
    browser.visible(testId("resource-actions-menu"));
  }

  /** Clicks an element of the tree, which live updates draw anew (a stale one is found again). */
  private static void clickInTree(Browser browser, By by) {
    browser.waitFor(
        d -> {
          d.findElement(by).click();
          return true;
        });
  }

  /** The live Deployment's template annotation, read through the gateway; empty when absent. */
  private static String restartedAt(RunningSuite suite) {
    return liveDeployment(suite)
        .path("spec")
        .path("template")
        .path("metadata")
        .path("annotations")
        .path(RESTARTED_AT)
        .asText("");
  }

  /** Argo's {@code GET .../resource}: the live object as JSON text in {@code manifest}. */
  private static JsonNode liveDeployment(RunningSuite suite) {
    return liveDeployment(suite, APP);
  }

  /** The live guestbook Deployment of {@code app}, deployed to the namespace of its name. */
  private static JsonNode liveDeployment(RunningSuite suite, String app) {
    String manifest =
        suite
            .api()
            .get(
                "/api/v1/applications/"
                    + app
                    + "/resource?namespace="
                    + app
                    + "&resourceName=guestbook-ui&version=v1&group=apps&kind=Deployment")
            .path("manifest")
            .asText();
    try {
      return JSON.readTree(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("the live Deployment is not JSON: " + manifest, e);
    }
  }

  /** The guestbook as app {@code name}, deployed to a namespace of the same name. */
  private static ObjectNode application(String name, String repo) {
    ObjectNode app = JSON.createObjectNode();
    app.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Application");
    app.putObject("metadata").put("name", name);
    ObjectNode spec = app.putObject("spec").put("project", "default");
    spec.putObject("source")
        .put("repoURL", repo)
        .put("path", "guestbook")
        .put("targetRevision", "HEAD");
    spec.putObject("destination")
        .put("server", "https://kubernetes.default.svc")
        .put("namespace", name);
    spec.putObject("syncPolicy").putArray("syncOptions").add("CreateNamespace=true");
    return app;
  }

  private static By action(String name) {
    return By.cssSelector(
        "[data-testid='resource-actions-menu'] [data-testid='resource-action'][data-name='"
            + name
            + "']");
  }

  private static String nodeCss(String kind) {
    return "[data-testid='tree-node'][data-kind='" + kind + "'][data-name='guestbook-ui']";
  }

  private static By node(String kind) {
    return By.cssSelector(nodeCss(kind));
  }
}
