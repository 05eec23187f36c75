package io.quargo.reposerver.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildEnvironmentTest {

  final BuildEnvironment env =
      BuildEnvironment.of(
          new ManifestSource(
              "git://h/r.git", "main", "apps/a", null, null, null, "guestbook", "prod"),
          "f913b6cbf58aa5ae5ca1f8a2b149477aebcbd9d8");

  @Test
  void substitutesArgoVariablesLikeGoOsExpand() {
    assertThat(env.substitute("$ARGOCD_APP_NAME-${ARGOCD_APP_NAMESPACE}"))
        .isEqualTo("guestbook-prod");
    assertThat(env.substitute("rev=$ARGOCD_APP_REVISION_SHORT/${ARGOCD_APP_REVISION_SHORT_8}"))
        .isEqualTo("rev=f913b6c/f913b6cb");
    assertThat(env.substitute("$ARGOCD_APP_SOURCE_PATH@$ARGOCD_APP_SOURCE_TARGET_REVISION"))
        .isEqualTo("apps/a@main");
    assertThat(env.substitute("$$HOME costs $5 and $UNKNOWN is empty"))
        .isEqualTo("$HOME costs  and  is empty");
    assertThat(env.substitute("100$")).isEqualTo("100$");
    assertThat(env.substitute("a $ b")).isEqualTo("a $ b");
  }
}
