package io.quargo.cli;

import io.quargo.testkit.oidc.OidcTestProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link GatewayCliTest}'s fixture plus what an SSO test needs: the testkit's {@link
 * OidcTestProvider} (stopped after each test) and a {@link SsoLoginDriver} that plays the browser.
 */
abstract class SsoCliTest extends GatewayCliTest {
  final OidcTestProvider provider = SsoLoginDriver.provider();
  SsoLoginDriver driver;

  SsoCliTest() {
    super(Access.CONFIG_ONLY);
  }

  @BeforeEach
  void driver() {
    driver = new SsoLoginDriver(gateway, provider, config);
  }

  @AfterEach
  void stopTheProvider() {
    provider.close();
  }
}
