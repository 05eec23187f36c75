package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture most CLI tests share, so each test class states only its routes and its checks: a
 * {@link GatewayStandIn}, a fresh config directory, and a {@link CliRunner} that reaches the
 * stand-in the way the subclass asks ({@link Access}). The runner is ready before the subclass's
 * own {@code @BeforeEach} runs, and the stand-in stops after each test.
 */
abstract class GatewayCliTest {
  /** How the CLI under test reaches the gateway. */
  enum Access {
    /** Logged in as admin by {@code quargo login}, the session in the config file. */
    LOGGED_IN,
    /** A token and server from the environment, as scripts do. */
    TOKEN,
    /** The server from the environment, without a token. */
    SERVER_ONLY,
    /** Only the config directory: the test logs in itself, or shows what happens without. */
    CONFIG_ONLY
  }

  final GatewayStandIn gateway = new GatewayStandIn();
  @TempDir Path config;
  CliRunner cli;
  private final Access access;

  GatewayCliTest(Access access) {
    this.access = access;
  }

  @BeforeEach
  void connectTheCli() {
    cli =
        switch (access) {
          case LOGGED_IN -> CliRunner.loggedIn(config, gateway);
          case TOKEN -> CliRunner.withToken(config, gateway);
          case SERVER_ONLY -> CliRunner.withServer(config, gateway);
          case CONFIG_ONLY -> new CliRunner(config);
        };
  }

  @AfterEach
  void stopTheGateway() {
    gateway.close();
  }

  /** The CLI's JSON output (or a request body) as a tree. */
  static JsonNode json(String text) throws Exception {
    return OutputFormat.JSON_MAPPER.readTree(text);
  }
}
