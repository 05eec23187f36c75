package io.quargo.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.e2e.suite.QuargoSuiteExtension;
import io.quargo.e2e.suite.RunningSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quargo repo} against the real running suite: what the CLI sends, the gateway stores and
 * lists back in Argo's shapes.
 */
@ExtendWith(QuargoSuiteExtension.class)
class ReposCliTest {
  @TempDir Path config;
  @TempDir Path files;
  private QuargoCli quargo;

  @BeforeEach
  void logIn(RunningSuite suite) {
    quargo = new QuargoCli(config).loginAsAdmin(suite);
  }

  @Test
  void repoAddListAndRemoveTheDemoRepository(RunningSuite suite) {
    String repo = suite.demoRepoUrl();

    assertThat(quargo.run("repo", "add", repo, "--name", "demo-cli-e2e", "--upsert").exits(0).out())
        .contains("Repository '" + repo + "' added");

    String table = quargo.run("repo", "list").exits(0).out();
    assertThat(table).containsPattern("(?m)^TYPE +NAME +REPO +INSECURE +OCI +LFS +CREDS +STATUS");
    assertThat(table)
        .containsPattern("(?m)^git +demo-cli-e2e +" + java.util.regex.Pattern.quote(repo));
    JsonNode listed = quargo.run("repo", "list", "-o", "json").exits(0).json();
    assertThat(listed.findValuesAsText("repo")).contains(repo);

    assertThat(quargo.run("repo", "rm", repo).exits(0).out())
        .contains("Repository '" + repo + "' removed");
    assertThat(quargo.run("repo", "list", "-o", "json").exits(0).json().findValuesAsText("repo"))
        .doesNotContain(repo);
    // removing it again is an error the user sees, with exit 1
    assertThat(quargo.run("repo", "rm", repo).exits(1).err()).startsWith("error: ");
  }
}
