package io.quargo.e2e.ui;

import static io.quargo.e2e.ui.Browser.testId;
import static io.quargo.e2e.ui.UiSteps.withData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * A project page with what the form does not edit (a role with its policy and token, a sync window,
 * cluster and namespace resource lists), then the same pages seen through that role's token: what
 * RBAC refuses says "Permission denied" and which permission, never a blank page.
 */
@ExtendWith({QuargoSuiteExtension.class, BrowserExtension.class})
class ProjectRolesUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "ui-roles-e2e";
  private static final String POLICY =
      "p, proj:" + PROJECT + ":viewer, applications, get, " + PROJECT + "/*, allow";

  @Test
  void rolesTokensAndWindowsShownAndRbacDenialsSaidPlainly(RunningSuite suite, Browser browser)
      throws Exception {
    suite.api().post("/api/v1/projects", project());
    String token =
        suite
            .api()
            .post(
                "/api/v1/projects/" + PROJECT + "/roles/viewer/token",
                JSON.createObjectNode().put("id", "ui-token"))
            .path("token")
            .asText();
    long iat =
        suite
            .api()
            .get("/api/v1/projects/" + PROJECT)
            .path("spec")
            .path("roles")
            .get(0)
            .path("jwtTokens")
            .get(0)
            .path("iat")
            .asLong();

    UiSteps.logIn(suite, browser);
    UiSteps.goTo(suite, browser, "#/settings/projects/" + PROJECT, PROJECT);
    WebElement role = browser.visible(withData("project-role", "name", "viewer"));
    assertThat(role.findElement(testId("role-policy")).getText()).isEqualTo(POLICY);
    WebElement tokenRow = role.findElement(testId("role-token"));
    assertThat(tokenRow.getAttribute("data-iat")).isEqualTo(Long.toString(iat));
    assertThat(tokenRow.getText())
        .contains("ui-token")
        .contains(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(iat)))
        .contains("never");
    assertThat(browser.visible(testId("sync-window")).getText())
        .contains("deny")
        .contains("0 22 * * *")
        .contains("1h");
    assertThat(browser.visible(testId("cluster-allow")).getText()).contains("Namespace");
    assertThat(browser.visible(testId("namespace-deny")).getText()).contains("ResourceQuota");
    assertThat(browser.visible(testId("cluster-deny")).getText()).contains("is empty");
    UiSteps.screenshot(browser, "project-detail-lists");
    UiSteps.screenshotAt(browser, testId("project-roles"), "project-detail-roles");

    // the same browser, now holding the role's token instead of admin's session
    browser.driver().manage().deleteAllCookies();
    browser.driver().manage().addCookie(new Cookie("argocd.token", token, "/"));

    UiSteps.goTo(suite, browser, "#/settings/projects/default", "default");
    WebElement denied = browser.visible(testId("project-load-error"));
    assertThat(denied.getAttribute("data-status")).isEqualTo("403");
    assertThat(denied.getText()).contains("Permission denied").contains("projects");
    UiSteps.screenshot(browser, "project-denied");

    UiSteps.goTo(suite, browser, "#/settings/accounts", "Accounts");
    assertThat(browser.visible(testId("accounts-error")).getText())
        .contains("Permission denied")
        .contains("accounts");

    UiSteps.goTo(suite, browser, "#/settings/repos", "Repositories");
    browser.click(testId("connect-repo"));
    browser.type(testId("repo-url"), "https://example.com/denied.git");
    browser.click(testId("repo-submit"));
    WebElement refused = browser.visible(testId("repo-error"));
    assertThat(refused.getAttribute("data-status")).isEqualTo("403");
    assertThat(refused.getText()).contains("Permission denied").contains("repositories");

    UiSteps.goTo(suite, browser, "#/user-info", "User Info");
    browser.waitFor(
        d ->
            d.findElement(testId("user-info-username"))
                .getText()
                .equals("proj:" + PROJECT + ":viewer"));
    assertThat(browser.visible(testId("update-password")).isEnabled())
        .as("a project token has no password to change")
        .isFalse();
  }

  private static JsonNode project() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set(
        "project",
        JSON.readTree(
            """
            {"metadata": {"name": "%s"},
             "spec": {
               "description": "roles, windows and resource lists",
               "sourceRepos": ["*"],
               "destinations": [{"server": "*", "namespace": "*"}],
               "clusterResourceWhitelist": [{"group": "", "kind": "Namespace"}],
               "namespaceResourceBlacklist": [{"group": "", "kind": "ResourceQuota"}],
               "roles": [{"name": "viewer", "description": "reads the apps",
                          "policies": ["%s"]}],
               "syncWindows": [{"kind": "deny", "schedule": "0 22 * * *", "duration": "1h",
                                "applications": ["*"], "manualSync": true}]}}
            """
                .formatted(PROJECT, POLICY)));
    return body;
  }
}
