package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps Helm hooks (and test hooks) in helm-java's output as {@code helm template} prints them.
 * helm-java's template drops every document with a {@code helm.sh/hook} annotation, so the inputs
 * that mention that key (chart files, value files, inline values, parameters) are rendered with the
 * key disguised; the output gets the key back, and the hooks move after the manifests, where {@code
 * helm template} prints them (in the same kind order, which both lists share).
 */
final class HelmHooks {

  static final String KEY = "helm.sh/hook";

  /**
   * Has no dot (so it needs no escape in a {@code --set} key) and does not contain {@link #KEY}.
   */
  private static final String DISGUISE = "quargo-disguised-helm-sh/hook";

  private static final String ESCAPED_KEY = "helm\\.sh/hook";

  /** Helm's hook events ({@code test-success} is Helm 2's name for {@code test}). */
  private static final Set<String> EVENTS =
      Set.of(
          "pre-install",
          "post-install",
          "pre-delete",
          "post-delete",
          "pre-upgrade",
          "post-upgrade",
          "pre-rollback",
          "post-rollback",
          "test",
          "test-success");

  private HelmHooks() {}

  /** {@code text} with the hook key disguised. */
  static String disguise(String text) {
    return text.replace(KEY, DISGUISE);
  }

  /** A {@code --set} key with the hook key disguised, also where its dot is escaped. */
  static String disguiseSetKey(String key) {
    return disguise(key).replace(ESCAPED_KEY, DISGUISE);
  }

  /** Rendered output with the hook key back in place. */
  static String reveal(String text) {
    return text.replace(DISGUISE, KEY);
  }

  /**
   * A value file as given when it does not mention the hook key, else a disguised copy of it in
   * {@code scratch} named {@code name}.
   */
  static Path valueFile(Path file, Path scratch, String name) {
    try {
      String text = latin(file);
      if (!text.contains(KEY)) {
        return file;
      }
      return Files.write(
          scratch.resolve(name), disguise(text).getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read value file " + file, e);
    }
  }

  /** Whether Helm takes {@code object} for a hook: it has a {@code helm.sh/hook} annotation. */
  static boolean isHook(ObjectNode object) {
    return object.path("metadata").path("annotations").has(KEY);
  }

  /**
   * Whether {@code helm template} prints the hook: not when one of its events is unknown (Helm
   * skips it), nor when it is a test and tests are skipped.
   */
  static boolean printed(ObjectNode hook, boolean skipTests) {
    JsonNode value = hook.path("metadata").path("annotations").path(KEY);
    boolean test = false;
    for (String event : value.asText("").split(",", -1)) {
      String name = event.trim().toLowerCase(Locale.ROOT);
      if (!EVENTS.contains(name)) {
        return false;
      }
      test |= name.startsWith("test");
    }
    return !(test && skipTests);
  }

  /** The file's bytes one char each, so that replacing ASCII text keeps every other byte. */
  private static String latin(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}
