package io.quargo.appcontroller.project;

/**
 * One project rule an app breaks: the Argo condition type it becomes ({@code InvalidSpecError} for
 * repo and destination, {@code ComparisonError} for resources), the rule ({@code sourceRepos},
 * {@code destinations}, {@code clusterResourceWhitelist}, ...), the app field it concerns and a
 * message naming both.
 */
public record Violation(String conditionType, String rule, String field, String message) {

  /** Argo's condition type for a spec the project forbids. */
  public static final String INVALID_SPEC = "InvalidSpecError";

  /** Argo's condition type for target resources the project forbids. */
  public static final String COMPARISON = "ComparisonError";
}
