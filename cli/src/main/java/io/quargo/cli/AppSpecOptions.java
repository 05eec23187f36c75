package io.quargo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The application fields {@code app create} and {@code app set} take, with argocd's flag names. */
final class AppSpecOptions {
  @Option(names = "--repo", paramLabel = "URL", description = "The Git repository URL.")
  String repo;

  @Option(names = "--path", description = "The path of the manifests in the repository.")
  String path;

  @Option(names = "--revision", description = "The revision (branch, tag, commit) to follow.")
  String revision;

  @Option(names = "--dest-server", paramLabel = "URL", description = "The destination cluster.")
  String destServer;

  @Option(names = "--dest-name", description = "The destination cluster, by name.")
  String destName;

  @Option(names = "--dest-namespace", description = "The destination namespace.")
  String destNamespace;

  @Option(names = "--project", description = "The project (default: default, on create).")
  String project;

  @Option(names = "--sync-policy", description = "automated (or auto), or none (or manual).")
  String syncPolicy;

  @Option(names = "--auto-prune", description = "With automated sync, delete removed objects.")
  Boolean autoPrune;

  @Option(names = "--self-heal", description = "With automated sync, undo drift of live objects.")
  Boolean selfHeal;

  @Option(names = "--sync-option", description = "A sync option, e.g. CreateNamespace=true.")
  java.util.List<String> syncOptions;

  @Option(
      names = "--sync-retry-limit",
      description = "Retry a failed sync this many times (spec.syncPolicy.retry.limit).")
  Long retryLimit;

  @Option(
      names = "--sync-retry-backoff-duration",
      paramLabel = "DURATION",
      description = "The first retry's delay, e.g. 5s (default 5s).")
  String retryDuration;

  @Option(
      names = "--sync-retry-backoff-max-duration",
      paramLabel = "DURATION",
      description = "The longest delay between retries, e.g. 3m (default 3m).")
  String retryMaxDuration;

  @Option(
      names = "--sync-retry-backoff-factor",
      description = "Each retry's delay is the previous one's times this (default 2).")
  Long retryFactor;

  @Option(
      names = "--sync-retry-refresh",
      arity = "0..1",
      paramLabel = "true|false",
      description =
          "A retry syncs the source's latest revision instead of the one first resolved"
              + " (spec.syncPolicy.retry.refresh).")
  Boolean retryRefresh;

  boolean any() {
    return repo != null
        || path != null
        || revision != null
        || destServer != null
        || destName != null
        || destNamespace != null
        || project != null
        || syncPolicy != null
        || autoPrune != null
        || selfHeal != null
        || syncOptions != null
        || retryLimit != null
        || retryDuration != null
        || retryMaxDuration != null
        || retryFactor != null
        || retryRefresh != null;
  }

  /** Writes the given flags into {@code app}'s spec; flags not given leave fields alone. */
  void applyTo(ObjectNode app, CommandLine commandLine) {
    ObjectNode spec = object(app, "spec");
    if (repo != null || path != null || revision != null) {
      ObjectNode source = object(spec, "source");
      putIf(source, "repoURL", repo);
      putIf(source, "path", path);
      putIf(source, "targetRevision", revision);
    }
    if (destServer != null || destName != null || destNamespace != null) {
      ObjectNode destination = object(spec, "destination");
      putIf(destination, "server", destServer);
      putIf(destination, "name", destName);
      putIf(destination, "namespace", destNamespace);
    }
    putIf(spec, "project", project);
    if (syncPolicy != null) {
      switch (syncPolicy) {
        case "automated", "automatic", "auto" -> object(object(spec, "syncPolicy"), "automated");
        case "none", "manual" -> {
          if (spec.path("syncPolicy").isObject()) {
            ((ObjectNode) spec.get("syncPolicy")).remove("automated");
          }
        }
        default ->
            throw new CommandLine.ParameterException(
                commandLine,
                "--sync-policy \"" + syncPolicy + "\" is unknown; use automated or none");
      }
    }
    if (autoPrune != null || selfHeal != null) {
      if (!spec.path("syncPolicy").path("automated").isObject()) {
        throw new CommandLine.ParameterException(
            commandLine, "--auto-prune and --self-heal need --sync-policy automated");
      }
      ObjectNode automated = (ObjectNode) spec.get("syncPolicy").get("automated");
      if (autoPrune != null) {
        automated.put("prune", autoPrune);
      }
      if (selfHeal != null) {
        automated.put("selfHeal", selfHeal);
      }
    }
    if (syncOptions != null) {
      var items = object(spec, "syncPolicy").putArray("syncOptions");
      syncOptions.forEach(items::add);
    }
    applyRetry(spec, commandLine);
  }

  /** argocd's {@code --sync-retry-*}: a limit of 0 removes the retry policy. */
  private void applyRetry(ObjectNode spec, CommandLine commandLine) {
    if (retryLimit == null
        && retryDuration == null
        && retryMaxDuration == null
        && retryFactor == null
        && retryRefresh == null) {
      return;
    }
    ObjectNode policy = object(spec, "syncPolicy");
    if (retryLimit != null && retryLimit == 0) {
      policy.remove("retry");
      return;
    }
    if (retryLimit == null && !policy.path("retry").isObject()) {
      throw new CommandLine.ParameterException(
          commandLine,
          "the --sync-retry-backoff-* and --sync-retry-refresh flags need --sync-retry-limit");
    }
    ObjectNode retry = object(policy, "retry");
    if (retryLimit != null) {
      retry.put("limit", retryLimit);
    }
    ObjectNode backoff = object(retry, "backoff");
    backoff.put(
        "duration", duration(retryDuration, backoff.path("duration").asText("5s"), commandLine));
    backoff.put(
        "maxDuration",
        duration(retryMaxDuration, backoff.path("maxDuration").asText("3m"), commandLine));
    backoff.put("factor", retryFactor != null ? retryFactor : backoff.path("factor").asLong(2));
    if (Boolean.TRUE.equals(retryRefresh)) {
      retry.put("refresh", true);
    } else if (Boolean.FALSE.equals(retryRefresh)) {
      retry.remove("refresh");
    }
  }

  private static String duration(String given, String otherwise, CommandLine commandLine) {
    if (given == null) {
      return otherwise;
    }
    if (!given.matches("(\\d+(ms|s|m|h))+")) {
      throw new CommandLine.ParameterException(
          commandLine, "\"" + given + "\" is not a duration like 5s, 3m or 1h30m");
    }
    return given;
  }

  static ObjectNode object(ObjectNode parent, String field) {
    if (!parent.path(field).isObject()) {
      return parent.putObject(field);
    }
    return (ObjectNode) parent.get(field);
  }

  private static void putIf(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
