package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sync options such as {@code CreateNamespace=true}: the app's (or the operation's) list, with a
 * resource's {@code argocd.argoproj.io/sync-options} annotation (comma separated) taking
 * precedence.
 */
public final class SyncOptionSet {

  /** The per-resource annotation. */
  public static final String ANNOTATION = "argocd.argoproj.io/sync-options";

  private final Map<String, String> values;

  private SyncOptionSet(Map<String, String> values) {
    this.values = values;
  }

  /** Options from {@code K=V} strings; a malformed entry fails, naming it. */
  public static SyncOptionSet of(List<String> options) {
    Map<String, String> values = new LinkedHashMap<>();
    if (options != null) {
      options.forEach(option -> put(values, option));
    }
    return new SyncOptionSet(values);
  }

  /** These options overridden by those in {@code object}'s sync-options annotation. */
  public SyncOptionSet withResource(JsonNode object) {
    String annotation =
        object.path("metadata").path("annotations").path(ANNOTATION).asText("").trim();
    if (annotation.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new LinkedHashMap<>(values);
    for (String option : annotation.split(",")) {
      if (!option.isBlank()) {
        put(merged, option.trim());
      }
    }
    return new SyncOptionSet(merged);
  }

  private static void put(Map<String, String> values, String option) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "sync option \"%s\" is not KEY=VALUE; write e.g. CreateNamespace=true".formatted(option));
    }
    values.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
  }

  /** The value of {@code key}, or null when unset. */
  public String get(String key) {
    return values.get(key);
  }

  public boolean isTrue(String key) {
    return "true".equalsIgnoreCase(values.get(key));
  }

  public boolean isFalse(String key) {
    return "false".equalsIgnoreCase(values.get(key));
  }

  public boolean createNamespace() {
    return isTrue("CreateNamespace");
  }

  public boolean serverSideApply() {
    return isTrue("ServerSideApply");
  }

  public boolean clientSideApply() {
    return isFalse("ServerSideApply");
  }

  public boolean applyOutOfSyncOnly() {
    return isTrue("ApplyOutOfSyncOnly");
  }

  public boolean replace() {
    return isTrue("Replace");
  }

  /** {@code Force=true}: an object the server refuses to change is deleted and created again. */
  public boolean force() {
    return isTrue("Force");
  }

  public boolean validate() {
    return !isFalse("Validate");
  }

  public boolean respectIgnoreDifferences() {
    return isTrue("RespectIgnoreDifferences");
  }

  public boolean failOnSharedResource() {
    return isTrue("FailOnSharedResource");
  }

  public boolean skipDryRunOnMissingResource() {
    return isTrue("SkipDryRunOnMissingResource");
  }

  /** {@code Prune=false}: never delete this resource. */
  public boolean pruneDisabled() {
    return isFalse("Prune");
  }

  public boolean pruneLast() {
    return isTrue("PruneLast");
  }

  /** foreground (Argo's default), background or orphan. */
  public String prunePropagationPolicy() {
    String value = values.get("PrunePropagationPolicy");
    return value == null || value.isEmpty() ? "foreground" : value.toLowerCase();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
