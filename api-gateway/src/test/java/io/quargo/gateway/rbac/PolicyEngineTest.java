package io.quargo.gateway.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyEngineTest {

  private static final List<String> RESOURCES =
      List.of(
          "applications",
          "applicationsets",
          "projects",
          "repositories",
          "clusters",
          "accounts",
          "certificates",
          "gpgkeys",
          "logs",
          "exec");
  private static final List<String> WRITES =
      List.of("create", "update", "delete", "sync", "override", "action/apps/Deployment/restart");

  private static final String CUSTOM =
      """
      p, role:guest-deployer, applications, get, default/*, allow
      p, role:guest-deployer, applications, sync, default/guest*, allow
      g, deployer, role:guest-deployer
      p, role:all-but, applications, *, */*, allow
      p, role:all-but, applications, sync, default/guestbook, deny
      g, denier, role:all-but
      g, team-a, role:guest-deployer
      p, role:nested, clusters, get, *, allow
      g, role:guest-deployer, role:nested
      p, role:kinds, applications, action/apps/Deployment/*, default/*, allow
      g, kinder, role:kinds
      """;

  private final PolicyEngine engine = PolicyEngine.of(CUSTOM, "");

  private static String object(String resource) {
    return switch (resource) {
      case "applications", "applicationsets", "logs", "exec" -> "default/guestbook";
      default -> "some-name";
    };
  }

  static Stream<Arguments> readonlyCases() {
    List<Arguments> cases = new ArrayList<>();
    for (String resource : RESOURCES) {
      boolean readable = !resource.equals("exec");
      cases.add(Arguments.of(resource, "get", readable));
      for (String write : WRITES) {
        cases.add(Arguments.of(resource, write, false));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "role:readonly {0} {1} -> {2}")
  @MethodSource("readonlyCases")
  void readonlyMayOnlyGet(String resource, String action, boolean allowed) {
    assertThat(engine.enforce("role:readonly", List.of(), resource, action, object(resource)))
        .isEqualTo(allowed);
  }

  static Stream<Arguments> adminCases() {
    return Stream.of(
        Arguments.of("applications", "get", true),
        Arguments.of("applications", "create", true),
        Arguments.of("applications", "update", true),
        Arguments.of("applications", "delete", true),
        Arguments.of("applications", "sync", true),
        Arguments.of("applications", "override", true),
        Arguments.of("applications", "action/apps/Deployment/restart", true),
        Arguments.of("applicationsets", "create", true),
        Arguments.of("applicationsets", "sync", false),
        Arguments.of("projects", "create", true),
        Arguments.of("projects", "update", true),
        Arguments.of("projects", "delete", true),
        Arguments.of("projects", "sync", false),
        Arguments.of("repositories", "create", true),
        Arguments.of("repositories", "delete", true),
        Arguments.of("clusters", "update", true),
        Arguments.of("accounts", "update", true),
        Arguments.of("accounts", "delete", false),
        Arguments.of("certificates", "create", true),
        Arguments.of("gpgkeys", "create", true),
        Arguments.of("gpgkeys", "update", false),
        Arguments.of("logs", "get", true),
        Arguments.of("exec", "create", true),
        Arguments.of("exec", "get", false));
  }

  @ParameterizedTest(name = "admin {0} {1} -> {2}")
  @MethodSource("adminCases")
  void adminHasTheBuiltinAdminRole(String resource, String action, boolean allowed) {
    assertThat(engine.enforce("admin", List.of(), resource, action, object(resource)))
        .isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
  @CsvSource({
    "deployer, applications, sync, default/guestbook, true",
    "deployer, applications, sync, default/guest, true",
    "deployer, applications, sync, default/billing, false",
    "deployer, applications, sync, other/guestbook, false",
    "deployer, applications, get, default/billing, true",
    "deployer, applications, delete, default/guestbook, false",
    "deployer, clusters, get, in-cluster, true",
    "deployer, clusters, delete, in-cluster, false",
    "denier, applications, sync, default/guestbook, false",
    "denier, applications, sync, default/guestbook-2, true",
    "denier, applications, delete, default/guestbook, true",
    "kinder, applications, action/apps/Deployment/restart, default/x, true",
    "kinder, applications, action/apps/StatefulSet/restart, default/x, false",
    "nobody, applications, get, default/guestbook, false",
  })
  void customRolesMatchByGlob(
      String subject, String resource, String action, String object, boolean allowed) {
    assertThat(engine.enforce(subject, List.of(), resource, action, object)).isEqualTo(allowed);
  }

  @Test
  void globStarCrossesSlashesAsInArgo() {
    PolicyEngine e = PolicyEngine.of("p, u, applications, get, *, allow", "");
    assertThat(e.enforce("u", List.of(), "applications", "get", "default/ns/app")).isTrue();
    assertThat(Glob.matches("default/guest*", "default/guestbook")).isTrue();
    assertThat(Glob.matches("default/guest*", "other/guestbook")).isFalse();
    assertThat(Glob.matches("{default,prod}/a?p", "prod/app")).isTrue();
    assertThat(Glob.matches("[!x]*/app", "x/app")).isFalse();
    assertThat(Glob.matches("default/a.p", "default/axp")).isFalse();
  }

  @Test
  void denyWinsOverAllowForTheSameSubject() {
    PolicyEngine e =
        PolicyEngine.of(
            """
            p, u, applications, *, */*, allow
            p, u, applications, delete, */*, deny
            """,
            "");
    assertThat(e.enforce("u", List.of(), "applications", "sync", "p/a")).isTrue();
    assertThat(e.enforce("u", List.of(), "applications", "delete", "p/a")).isFalse();
  }

  @Test
  void defaultRoleAppliesToEveryoneAndGroupsAreTriedOnTheirOwn() {
    PolicyEngine withDefault = PolicyEngine.of("", "role:readonly");
    assertThat(withDefault.enforce("stranger", List.of(), "projects", "get", "x")).isTrue();
    assertThat(withDefault.enforce("stranger", List.of(), "projects", "delete", "x")).isFalse();
    assertThat(
            engine.enforce(
                "stranger", List.of("team-a"), "applications", "sync", "default/guestbook"))
        .isTrue();
    assertThat(engine.enforce("stranger", List.of(), "applications", "sync", "default/guestbook"))
        .isFalse();
  }

  @Test
  void projectPoliciesAddedAtRuntimeDoNotChangeTheBase() {
    PolicyEngine project =
        engine.with(
            "p, proj:other:ci, applications, sync, other/*, allow\ng, ci-group, proj:other:ci");
    assertThat(project.enforce("proj:other:ci", List.of(), "applications", "sync", "other/app"))
        .isTrue();
    assertThat(project.enforce("x", List.of("ci-group"), "applications", "sync", "other/app"))
        .isTrue();
    assertThat(engine.enforce("proj:other:ci", List.of(), "applications", "sync", "other/app"))
        .isFalse();
  }

  @Test
  void malformedLinesNameTheLineAndTheExpectedForm() {
    assertThatThrownBy(() -> PolicyEngine.of("p, u, applications, get", ""))
        .hasMessageContaining("policy line 1")
        .hasMessageContaining("p, subject, resource, action, object");
    assertThatThrownBy(() -> PolicyEngine.of("p, u, applications, get, *, maybe", ""))
        .hasMessageContaining("effect must be allow or deny");
  }

  @ParameterizedTest(name = "{0} (groups {1}) may get every app: {2}")
  @CsvSource({
    "admin, '', true",
    "readonly-user, '', false",
    "denier, '', true",
    "hider, '', false",
    "deployer, '', false",
    "someone, team-admins, true",
    "someone, '', false"
  })
  void everyObjectIsAllowedOnlyThroughAWildcardAllowWithNoDenyAnywhere(
      String subject, String groups, boolean every) {
    PolicyEngine policy =
        PolicyEngine.of(
            CUSTOM
                + """
                g, admin, role:admin
                g, team-admins, role:admin
                p, readonly-user, applications, get, default/*, allow
                p, role:all-but-one, applications, get, */*, allow
                p, role:all-but-one, applications, get, default/secret, deny
                g, hider, role:all-but-one
                """,
            "");
    List<String> groupList = groups.isEmpty() ? List.of() : List.of(groups.split(";"));
    assertThat(policy.allowsEveryObject(subject, groupList, "applications", "get"))
        .isEqualTo(every);
    if (every) {
      assertThat(policy.enforce(subject, groupList, "applications", "get", "any/ns/app")).isTrue();
    }
  }

  @Test
  void theDefaultRoleCanAllowEveryObject() {
    assertThat(
            PolicyEngine.of("", "role:readonly")
                .allowsEveryObject("nobody", List.of(), "applications", "get"))
        .isTrue();
    assertThat(
            PolicyEngine.of("", "").allowsEveryObject("nobody", List.of(), "applications", "get"))
        .isFalse();
    // a deny for the subject alone does not cancel the default role's allow, as in enforce
    PolicyEngine withDeny =
        PolicyEngine.of("p, nobody, applications, get, default/secret, deny", "role:readonly");
    assertThat(withDeny.allowsEveryObject("nobody", List.of(), "applications", "get")).isTrue();
    assertThat(withDeny.enforce("nobody", List.of(), "applications", "get", "default/secret"))
        .isTrue();
  }
}
