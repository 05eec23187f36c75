package io.quargo.appcontroller.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the key that encrypts stored cluster and repository secrets comes from. */
@ConfigMapping(prefix = "quargo.secrets")
public interface SecretsConfig {

  /**
   * The AES-256 key, base64 (32 bytes); also read from {@code QUARGO_SECRETS_KEY}. Wins over the
   * key file.
   */
  Optional<String> key();

  /**
   * Used when no key is configured: the file holding the base64 key, generated (mode 600) when it
   * does not exist. Meant for development and tests; production sets {@code quargo.secrets.key}.
   */
  @WithDefault(".quargo/app-controller/secrets.key")
  String keyFile();
}
