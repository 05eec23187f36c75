package io.quargo.gateway;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.oidc.OidcTestProvider;
import io.quargo.testkit.oidc.OidcTestProvider.Client;
import io.quargo.testkit.oidc.OidcTestProvider.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway stand-ins plus the testkit's loopback {@link OidcTestProvider} as the gateway's OIDC
 * provider (the UI's confidential client and the CLI's public one), with groups of my-org mapped to
 * roles: team-a is admin, team-b may get the apps of project other.
 */
public class OidcProviderResource extends AppControllerStandInResource {

  static final String CLIENT_ID = "quargo-ui";
  static final String CLIENT_SECRET = "test-client-secret";

  /** The CLI's public client ({@code cli-client-id}), whose tokens the gateway accepts too. */
  static final String CLI_CLIENT_ID = "quargo-cli";

  /** A {@code login_hint} for a user who declines consent (the provider answers with an error). */
  static final String DECLINES = "declines@example.com";

  static final List<User> USERS =
      List.of(
          new User("alice@example.com", List.of("my-org:team-a")),
          new User("bob@example.com", List.of("my-org:team-b")));

  private static volatile OidcTestProvider provider;

  /** The provider of the running gateway. */
  static OidcTestProvider provider() {
    return provider;
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    provider =
        new OidcTestProvider(
            USERS, List.of(new Client(CLIENT_ID, CLIENT_SECRET), new Client(CLI_CLIENT_ID, null)));
    config.put("quargo.gateway.oidc.name", "Test SSO");
    config.put("quargo.gateway.oidc.issuer", provider.issuer());
    config.put("quargo.gateway.oidc.client-id", CLIENT_ID);
    config.put("quargo.gateway.oidc.client-secret", CLIENT_SECRET);
    config.put("quargo.gateway.oidc.cli-client-id", CLI_CLIENT_ID);
    config.put(
        "quargo.gateway.rbac.policy-csv",
        """
        g, my-org:team-a, role:admin
        p, role:other-reader, applications, get, other/*, allow
        g, my-org:team-b, role:other-reader
        """);
    return config;
  }

  @Override
  public void stop() {
    if (provider != null) {
      provider.close();
    }
    super.stop();
  }
}
