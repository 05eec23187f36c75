package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * argocd's {@code app sync --strategy apply|hook --force} and {@code --retry-limit
 * --retry-backoff-* --retry-refresh}: the SyncRequest's {@code strategy} (always sent, hook by
 * default, as argocd does) and {@code retryStrategy} (sent when the limit is not 0; it replaces the
 * app's {@code syncPolicy.retry} for this sync).
 */
final class AppSyncStrategyOptions {

  @Option(
      names = "--strategy",
      paramLabel = "apply|hook",
      description = "Sync strategy: hook runs the hooks (default), apply skips them.")
  String strategy;

  @Option(
      names = "--force",
      description = "Delete and re-create objects the server refuses to change (kubectl --force).")
  boolean force;

  @Option(
      names = "--retry-limit",
      paramLabel = "N",
      description =
          "Retry a failed sync this many times (negative: for ever; 0: the app's policy).")
  long retryLimit;

  @Option(
      names = "--retry-backoff-duration",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description = "The first retry's delay (default ${DEFAULT-VALUE}).")
  String retryDuration;

  @Option(
      names = "--retry-backoff-max-duration",
      paramLabel = "DURATION",
      defaultValue = "3m0s",
      description = "The longest delay between retries (default ${DEFAULT-VALUE}).")
  String retryMaxDuration;

  @Option(
      names = "--retry-backoff-factor",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Each retry's delay is the previous one's times this (default ${DEFAULT-VALUE}).")
  long retryFactor;

  @Option(
      names = "--retry-refresh",
      description =
          "A retry syncs the source's latest revision instead of the one first resolved"
              + " (needs --retry-limit).")
  boolean retryRefresh;

  /** Adds {@code strategy} and, with a retry limit, {@code retryStrategy} to {@code request}. */
  void addTo(ObjectNode request, CommandLine commandLine) {
    String name = strategy == null || strategy.isEmpty() ? "hook" : strategy;
    if (!name.equals("apply") && !name.equals("hook")) {
      throw new CommandLine.ParameterException(
          commandLine, "unknown sync strategy '" + strategy + "': use apply or hook");
    }
    ObjectNode options = request.putObject("strategy").putObject(name);
    if (force) {
      options.put("force", true);
    }
    if (retryLimit == 0) {
      if (retryRefresh) {
        throw new CommandLine.ParameterException(
            commandLine, "--retry-refresh needs --retry-limit (a number of retries other than 0)");
      }
      return;
    }
    if (retryFactor < 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--retry-backoff-factor must be 1 or more, not " + retryFactor);
    }
    ObjectNode retry = request.putObject("retryStrategy").put("limit", retryLimit);
    retry
        .putObject("backoff")
        .put("duration", duration(retryDuration, "--retry-backoff-duration", commandLine))
        .put("maxDuration", duration(retryMaxDuration, "--retry-backoff-max-duration", commandLine))
        .put("factor", retryFactor);
    if (retryRefresh) {
      retry.put("refresh", true);
    }
  }

  private static String duration(String given, String flag, CommandLine commandLine) {
    if (!given.matches("(\\d+(ms|s|m|h))+")) {
      throw new CommandLine.ParameterException(
          commandLine, flag + " \"" + given + "\" is not a duration like 5s, 3m or 1h30m");
    }
    return given;
  }
}
