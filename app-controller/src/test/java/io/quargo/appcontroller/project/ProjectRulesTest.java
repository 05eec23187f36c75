package io.quargo.appcontroller.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.project.AppProject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests of Argo CD's project rules: source repos, destinations and resource kinds. */
class ProjectRulesTest {

  @ParameterizedTest(name = "sourceRepos {0} with {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://github.com/org/*            | https://github.com/org/app       | true",
        "https://github.com/org/*            | git://x                          | false",
        "*                                   | git://x                          | true",
        "*;!https://github.com/evil/*        | https://github.com/evil/repo     | false",
        "*;!https://github.com/evil/*        | https://github.com/good/repo     | true",
        "!https://github.com/evil/*;*        | https://github.com/evil/repo     | false",
        "https://github.com/org/app.git      | https://github.com/org/app       | true",
        "https://github.com/org/app          | https://github.com/Org/App.git/  | true",
        "https://github.com/org/ap?          | https://github.com/org/app       | true",
        "https://github.com/org/ap?          | https://github.com/org/apps      | false",
        "''                                  | https://github.com/org/app       | false",
        "https://github.com/org/app          | https://github.com/org/app2      | false",
      })
  void sourceRepos(String patterns, String url, boolean permitted) {
    AppProject project =
        project(
            "{\"destinations\": [{\"server\": \"*\", \"namespace\": \"*\"}], \"sourceRepos\": "
                + list(patterns)
                + "}");
    assertThat(ProjectRules.checkSpec(project, app(url, "https://kubernetes.default.svc", "x")))
        .extracting(Violation::rule)
        .isEqualTo(permitted ? List.of() : List.of("sourceRepos"));
  }

  @ParameterizedTest(name = "destinations {0} with {1} {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*,*                                         | https://kubernetes.default.svc | prod     | true",
        "https://kubernetes.default.svc,dev-*        | https://kubernetes.default.svc | dev-a    | true",
        "https://kubernetes.default.svc,dev-*        | https://kubernetes.default.svc | prod     | false",
        "https://kubernetes.default.svc,dev-*        | https://other:6443             | dev-a    | false",
        "*,*;*,!kube-system                          | https://kubernetes.default.svc | kube-system | false",
        "*,*;*,!kube-system                          | https://kubernetes.default.svc | default  | true",
        "!https://evil:6443,*;*,*                    | https://evil:6443              | default  | false",
        "*,*;!https://evil:6443,*                    | https://good:6443              | default  | true",
        "https://*.example.com,team-?                | https://a.example.com          | team-1   | true",
        "https://*.example.com,team-?                | https://a.example.com          | team-10  | false",
        "''                                          | https://kubernetes.default.svc | default  | false",
      })
  void destinations(String entries, String server, String namespace, String expected) {
    StringBuilder json = new StringBuilder("[");
    for (String entry : entries.isEmpty() ? new String[0] : entries.split(";")) {
      String[] p = entry.split(",");
      json.append(json.length() > 1 ? "," : "")
          .append("{\"server\":\"")
          .append(p[0])
          .append("\",\"namespace\":\"")
          .append(p[1])
          .append("\"}");
    }
    AppProject project =
        project("{\"sourceRepos\": [\"*\"], \"destinations\": " + json.append("]") + "}");
    boolean permitted = expected.equals("true");
    assertThat(ProjectRules.checkSpec(project, app("https://git/r", server, namespace)))
        .extracting(Violation::rule)
        .isEqualTo(permitted ? List.of() : List.of("destinations"));
  }

  @Test
  void destinationByClusterName() {
    AppProject project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"name\": \"in-cluster\","
                + " \"namespace\": \"*\"}]}");
    Application byName = app("https://git/r", null, "prod");
    byName.getSpec().getDestination().setName("in-cluster");
    Application other = app("https://git/r", null, "prod");
    other.getSpec().getDestination().setName("staging");
    assertThat(ProjectRules.checkSpec(project, byName)).isEmpty();
    assertThat(ProjectRules.checkSpec(project, other))
        .extracting(Violation::rule)
        .containsExactly("destinations");
  }

  @ParameterizedTest(name = "{4} {5} with cw={0} cb={1} nw={2} nb={3}: {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''         | ''                          | ''          | ''               | v1                           | Namespace   | clusterResourceWhitelist",
        "*:*        | ''                          | ''          | ''               | v1                           | Namespace   | -",
        ":Namespace | ''                          | ''          | ''               | v1                           | Namespace   | -",
        ":Namespace | ''                          | ''          | ''               | rbac.authorization.k8s.io/v1 | ClusterRole | clusterResourceWhitelist",
        "*:*        | rbac.authorization.k8s.io:* | ''          | ''               | rbac.authorization.k8s.io/v1 | ClusterRole | clusterResourceBlacklist",
        "''         | ''                          | ''          | ''               | apps/v1                      | Deployment  | -",
        "''         | ''                          | ''          | apps:Deployment  | apps/v1                      | Deployment  | namespaceResourceBlacklist",
        "''         | ''                          | ''          | apps:Deployment  | apps/v1                      | StatefulSet | -",
        "''         | ''                          | :ConfigMap  | ''               | apps/v1                      | Deployment  | namespaceResourceWhitelist",
        "''         | ''                          | apps:*      | ''               | apps/v1                      | Deployment  | -",
        "''         | ''                          | *:*         | :Secret          | v1                           | Secret      | namespaceResourceBlacklist",
        "''         | ''                          | :ConfigMap  | ''               | v1                           | ConfigMap   | -",
        "''         | ''                          | ''          | *:*              | example.com/v1               | Widget      | namespaceResourceBlacklist",
      })
  void resources(
      String clusterWhite,
      String clusterBlack,
      String nsWhite,
      String nsBlack,
      String apiVersion,
      String kind,
      String rule) {
    AppProject project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\", \"namespace\":"
                + " \"*\"}], \"clusterResourceWhitelist\": "
                + kinds(clusterWhite)
                + ", \"clusterResourceBlacklist\": "
                + kinds(clusterBlack)
                + ", \"namespaceResourceWhitelist\": "
                + kinds(nsWhite)
                + ", \"namespaceResourceBlacklist\": "
                + kinds(nsBlack)
                + "}");
    List<Violation> violations =
        ProjectRules.check(
            project,
            app("https://git/r", "https://kubernetes.default.svc", "x"),
            List.of(object(apiVersion, kind, null)));
    assertThat(violations)
        .extracting(Violation::rule)
        .isEqualTo(rule.equals("-") ? List.of() : List.of(rule));
  }

  @Test
  void messagesNameTheRuleAndProject() {
    AppProject project =
        project(
            "{\"sourceRepos\": [\"https://github.com/org/*\"], \"destinations\": [{\"server\":"
                + " \"https://kubernetes.default.svc\", \"namespace\": \"dev\"}],"
                + " \"namespaceResourceBlacklist\": [{\"group\": \"apps\", \"kind\":"
                + " \"Deployment\"}]}");
    List<Violation> violations =
        ProjectRules.check(
            project,
            app("git://x", "https://kubernetes.default.svc", "prod"),
            List.of(object("apps/v1", "Deployment", null), object("apps/v1", "Deployment", null)));
    assertThat(violations)
        .extracting(Violation::message)
        .containsExactly(
            "application repo git://x is not permitted in project 'team-a' (sourceRepos:"
                + " [https://github.com/org/*])",
            "application destination {https://kubernetes.default.svc prod} is not permitted in"
                + " project 'team-a' (destinations: [{https://kubernetes.default.svc dev}])",
            "resource apps:Deployment is not permitted in project 'team-a'"
                + " (namespaceResourceBlacklist)");
    assertThat(violations)
        .extracting(Violation::field, Violation::conditionType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.source.repoURL", "InvalidSpecError"),
            org.assertj.core.groups.Tuple.tuple("spec.destination", "InvalidSpecError"),
            org.assertj.core.groups.Tuple.tuple("apps:Deployment", "ComparisonError"));
  }

  @Test
  void aResourceInAnotherNamespaceNeedsThatNamespacePermitted() {
    AppProject project =
        project(
            "{\"sourceRepos\": [\"*\"], \"destinations\": [{\"server\": \"*\", \"namespace\":"
                + " \"dev\"}]}");
    Application app = app("https://git/r", "https://kubernetes.default.svc", "dev");
    assertThat(ProjectRules.check(project, app, List.of(object("v1", "ConfigMap", "dev"))))
        .isEmpty();
    assertThat(ProjectRules.check(project, app, List.of(object("v1", "ConfigMap", "kube-system"))))
        .extracting(Violation::message)
        .containsExactly(
            "namespace kube-system of resource :ConfigMap cm is not permitted in project 'team-a'"
                + " (destinations)");
  }

  @Test
  void multiSourceNamesTheSourceIndex() {
    AppProject project =
        project(
            "{\"sourceRepos\": [\"https://ok/*\"], \"destinations\": [{\"server\": \"*\", \"namespace\": \"*\"}]}");
    Application app =
        Json.fromJson(
            "{\"metadata\": {\"name\": \"a\"}, \"spec\": {\"sources\": [{\"repoURL\":"
                + " \"https://ok/a\"}, {\"repoURL\": \"https://bad/b\"}], \"destination\":"
                + " {\"server\": \"https://kubernetes.default.svc\", \"namespace\": \"x\"}}}",
            Application.class);
    assertThat(ProjectRules.checkSpec(project, app))
        .extracting(Violation::field)
        .containsExactly("spec.sources[1].repoURL");
  }

  private static AppProject project(String spec) {
    return Json.fromJson(
        "{\"metadata\": {\"name\": \"team-a\"}, \"spec\": " + spec + "}", AppProject.class);
  }

  private static Application app(String repo, String server, String namespace) {
    ObjectNode app = Json.mapper().createObjectNode();
    app.putObject("metadata").put("name", "guestbook");
    ObjectNode spec = app.putObject("spec");
    spec.put("project", "team-a");
    spec.putObject("source").put("repoURL", repo);
    ObjectNode dest = spec.putObject("destination");
    if (server != null) {
      dest.put("server", server);
    }
    dest.put("namespace", namespace);
    return Json.mapper().convertValue(app, Application.class);
  }

  private static ObjectNode object(String apiVersion, String kind, String namespace) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode metadata =
        o.putObject("metadata").put("name", kind.equals("ConfigMap") ? "cm" : "x");
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return o;
  }

  private static String list(String patterns) {
    if (patterns.isEmpty()) {
      return "[]";
    }
    return Json.toJson(Arrays.asList(patterns.split(";")));
  }

  private static String kinds(String groupKinds) {
    if (groupKinds.isEmpty()) {
      return "[]";
    }
    StringBuilder json = new StringBuilder("[");
    for (String gk : groupKinds.split(";")) {
      String[] p = gk.split(":", 2);
      json.append(json.length() > 1 ? "," : "")
          .append("{\"group\":\"")
          .append(p[0])
          .append("\",\"kind\":\"")
          .append(p[1])
          .append("\"}");
    }
    return json.append("]").toString();
  }
}
