package io.quargo.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's config file, {@code ~/.config/quargo/config} (or {@code $QUARGO_CONFIG_DIR/config}):
 * YAML with the logged-in server and its token, readable by its owner only (mode 600). The global
 * {@code --config FILE} puts it elsewhere, as argocd's {@code --config} does.
 */
final class ConfigStore {
  /**
   * What {@code quargo login} stores; {@code refreshToken} only after {@code --sso}, when the
   * provider gave one.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      String server, String username, String authToken, Boolean plaintext, String refreshToken) {
    Entry(String server, String username, String authToken, Boolean plaintext) {
      this(server, username, authToken, plaintext, null);
    }
  }

  private final Path file;

  private ConfigStore(Path file) {
    this.file = file;
  }

  /** The config at {@code file} (the global {@code --config}). */
  static ConfigStore at(Path file) {
    return new ConfigStore(file.toAbsolutePath());
  }

  static ConfigStore from(Map<String, String> env) {
    String dir = env.get("QUARGO_CONFIG_DIR");
    if (dir == null || dir.isBlank()) {
      return at(Path.of(System.getProperty("user.home"), ".config", "quargo", "config"));
    }
    return at(Path.of(dir, "config"));
  }

  Path file() {
    return file;
  }

  Optional<Entry> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(OutputFormat.YAML_MAPPER.readValue(file.toFile(), Entry.class));
    } catch (IOException e) {
      throw new CliException(
          "cannot read " + file + ": " + e.getMessage() + "; fix or delete it and log in again", e);
    }
  }

  /** Writes the file through a mode-600 temporary file, so the token is never world-readable. */
  void write(Entry entry) {
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "config", ".tmp");
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      OutputFormat.YAML_MAPPER.writeValue(temp.toFile(), entry);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
