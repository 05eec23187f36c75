package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads hook and wave annotations as Argo CD does: {@code argocd.argoproj.io/hook} (PreSync, Sync,
 * PostSync, SyncFail, Skip), else Helm's {@code helm.sh/hook} (pre-install and pre-upgrade are
 * PreSync, post-install and post-upgrade PostSync); {@code hook-delete-policy} (Argo's or Helm's
 * names, BeforeHookCreation when none); {@code sync-wave}, else a Helm hook's {@code hook-weight}.
 */
final class Hooks {

  static final String HOOK = "argocd.argoproj.io/hook";
  static final String DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
  static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
  static final String HELM_HOOK = "helm.sh/hook";
  static final String HELM_DELETE_POLICY = "helm.sh/hook-delete-policy";
  static final String HELM_WEIGHT = "helm.sh/hook-weight";

  /** When a hook is deleted. */
  enum DeletePolicy {
    HOOK_SUCCEEDED,
    HOOK_FAILED,
    BEFORE_HOOK_CREATION
  }

  private Hooks() {}

  /** The phases {@code object} is a hook of; empty for a plain resource (or Skip alone). */
  static List<SyncPhase> phases(JsonNode object) {
    List<SyncPhase> phases = new ArrayList<>();
    for (String value : csv(object, HOOK)) {
      SyncPhase phase = SyncPhase.parse(value);
      if (phase != null && !phases.contains(phase)) {
        phases.add(phase);
      }
    }
    if (!csv(object, HOOK).isEmpty()) {
      return phases; // Argo ignores Helm hooks when an Argo hook annotation is present
    }
    for (String value : csv(object, HELM_HOOK)) {
      SyncPhase phase =
          switch (value) {
            case "pre-install", "pre-upgrade" -> SyncPhase.PRE_SYNC;
            case "post-install", "post-upgrade" -> SyncPhase.POST_SYNC;
            default -> null;
          };
      if (phase != null && !phases.contains(phase)) {
        phases.add(phase);
      }
    }
    return phases;
  }

  /** True for {@code hook: Skip}: Argo neither applies nor prunes the object. */
  static boolean skipped(JsonNode object) {
    List<String> values = csv(object, HOOK);
    return values.contains("Skip") && phases(object).isEmpty();
  }

  static boolean isHook(JsonNode object) {
    return !phases(object).isEmpty();
  }

  /** The hook's delete policies; BeforeHookCreation when it names none. */
  static Set<DeletePolicy> deletePolicies(JsonNode object) {
    Set<DeletePolicy> policies = EnumSet.noneOf(DeletePolicy.class);
    for (String value : csv(object, DELETE_POLICY)) {
      switch (value) {
        case "HookSucceeded" -> policies.add(DeletePolicy.HOOK_SUCCEEDED);
        case "HookFailed" -> policies.add(DeletePolicy.HOOK_FAILED);
        case "BeforeHookCreation" -> policies.add(DeletePolicy.BEFORE_HOOK_CREATION);
        default -> {}
      }
    }
    for (String value : csv(object, HELM_DELETE_POLICY)) {
      switch (value) {
        case "hook-succeeded" -> policies.add(DeletePolicy.HOOK_SUCCEEDED);
        case "hook-failed" -> policies.add(DeletePolicy.HOOK_FAILED);
        case "before-hook-creation" -> policies.add(DeletePolicy.BEFORE_HOOK_CREATION);
        default -> {}
      }
    }
    if (policies.isEmpty()) {
      policies.add(DeletePolicy.BEFORE_HOOK_CREATION);
    }
    return policies;
  }

  /** The object's wave: {@code sync-wave}, else a Helm hook's weight, else 0. */
  static int wave(JsonNode object) {
    JsonNode annotations = object.path("metadata").path("annotations");
    String wave = annotations.path(SYNC_WAVE).asText("").trim();
    if (wave.isEmpty() && annotations.has(HELM_HOOK)) {
      wave = annotations.path(HELM_WEIGHT).asText("").trim();
    }
    if (wave.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(wave);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s \"%s\" of %s is not an integer; write e.g. \"-1\" or \"2\""
              .formatted(SYNC_WAVE, wave, object.path("metadata").path("name").asText()));
    }
  }

  private static List<String> csv(JsonNode object, String annotation) {
    String value = object.path("metadata").path("annotations").path(annotation).asText("");
    List<String> values = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        values.add(part.trim());
      }
    }
    return values;
  }
}
