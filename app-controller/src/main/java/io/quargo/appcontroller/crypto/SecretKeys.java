package io.quargo.appcontroller.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/**
 * Produces the {@link SecretBox} at start: from {@code quargo.secrets.key} (or {@code
 * QUARGO_SECRETS_KEY}), else from the key file, generated when absent. A malformed key stops the
 * service at start with a message saying what is wrong, rather than failing at the first secret.
 */
@ApplicationScoped
public class SecretKeys {

  private static final Logger LOG = Logger.getLogger(SecretKeys.class);

  @Produces
  @Singleton
  @Startup
  SecretBox secretBox(SecretsConfig config) {
    if (config.key().isPresent() && !config.key().get().isBlank()) {
      return SecretBox.ofBase64(config.key().get(), "quargo.secrets.key (QUARGO_SECRETS_KEY)");
    }
    Path file = Path.of(config.keyFile()).toAbsolutePath();
    return SecretBox.ofBase64(readOrCreate(file), "the secrets key file " + file);
  }

  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(file.getParent());
      String key = SecretBox.newKey();
      Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the default permissions
      }
      LOG.warnf(
          "generated a key for stored secrets in %s; set quargo.secrets.key (QUARGO_SECRETS_KEY)"
              + " in production",
          file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the secrets key file "
              + file
              + "; set quargo.secrets.key or quargo.secrets.key-file",
          e);
    }
  }
}
