package io.quargo.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The accounts {@link AccountTokenTest} needs besides the shared test accounts: {@code reader}
 * (role:readonly) and {@code robot} (no role) may log in and have API tokens, {@code ci} has only
 * API tokens, {@code frozen} has them but is disabled.
 */
public class AccountTokenAccounts implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "quargo.gateway.accounts.reader.capabilities", "apiKey, login",
        "quargo.gateway.accounts.robot.capabilities", "login,apiKey",
        "quargo.gateway.accounts.ci.capabilities", "apiKey",
        "quargo.gateway.accounts.frozen.capabilities", "apiKey",
        "quargo.gateway.accounts.frozen.enabled", "false");
  }

  @Override
  public void stop() {}
}
