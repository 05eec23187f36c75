package io.quargo.cli;

import static io.quargo.cli.AppCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints an application as {@code argocd app get} does: a header, then its resources. */
final class AppSummary {
  private AppSummary() {}

  /** The header with the operation, then the resources: what sync, wait and rollback print. */
  static void print(PrintWriter out, JsonNode app) {
    header(out, app, true, false);
    out.println();
    resources(out, app);
  }

  /**
   * The app as {@code -o} asks after sync, wait and rollback: JSON, YAML, the summary with the
   * resource tree ({@code tree}, read from the gateway), or the summary with the resource list.
   */
  static void print(PrintWriter out, JsonNode app, OutputFormat format, GatewayClient client) {
    if (format.printStructured(out, app)) {
      return;
    }
    header(out, app, true, false);
    out.println();
    if (format == OutputFormat.TREE) {
      AppTree.print(
          out, app, client.get(AppCommand.path(AppCommand.fullName(app), "/resource-tree")));
    } else {
      resources(out, app);
    }
  }

  /**
   * The fields of {@code argocd app get}: the operation only with {@code showOperation}, the Helm
   * parameters only with {@code showParams}.
   */
  static void header(PrintWriter out, JsonNode app, boolean showOperation, boolean showParams) {
    field(out, "Name", AppCommand.fullName(app));
    field(out, "Project", text(app, "spec.project"));
    field(out, "Server", AppCommand.cluster(app));
    field(out, "Namespace", text(app, "spec.destination.namespace"));
    field(out, "Repo", text(app, "spec.source.repoURL"));
    field(out, "Target", text(app, "spec.source.targetRevision"));
    field(out, "Path", text(app, "spec.source.path"));
    field(out, "Sync Policy", syncPolicy(app));
    String revision = text(app, "status.sync.revision");
    field(
        out,
        "Sync Status",
        text(app, "status.sync.status")
            + (revision.isEmpty()
                ? ""
                : " to " + targetRevision(app) + " (" + shortSha(revision) + ")"));
    String healthMessage = text(app, "status.health.message");
    field(
        out,
        "Health Status",
        text(app, "status.health.status")
            + (healthMessage.isEmpty() ? "" : " (" + healthMessage + ")"));
    for (JsonNode condition : app.path("status").path("conditions")) {
      field(out, "Condition", text(condition, "type") + ": " + text(condition, "message"));
    }
    JsonNode operation = app.path("status").path("operationState");
    if (showOperation && !operation.isMissingNode() && !operation.isNull()) {
      out.println();
      field(out, "Operation", operation.path("operation").has("rollback") ? "Rollback" : "Sync");
      field(out, "Sync Revision", text(operation, "syncResult.revision"));
      field(out, "Phase", text(operation, "phase"));
      field(out, "Start", text(operation, "startedAt"));
      field(out, "Finished", text(operation, "finishedAt"));
      field(out, "Message", text(operation, "message"));
    }
    if (showParams) {
      out.println();
      OutputFormat.Table params = new OutputFormat.Table("NAME", "VALUE");
      for (JsonNode parameter : app.path("spec").path("source").path("helm").path("parameters")) {
        params.row(text(parameter, "name"), text(parameter, "value"));
      }
      params.print(out);
    }
  }

  /** The app's resources as {@code argocd app get} lists them. */
  static void resources(PrintWriter out, JsonNode app) {
    OutputFormat.Table table =
        new OutputFormat.Table("GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "MESSAGE");
    for (JsonNode resource : app.path("status").path("resources")) {
      table.row(
          text(resource, "group"),
          text(resource, "kind"),
          text(resource, "namespace"),
          text(resource, "name"),
          text(resource, "status"),
          text(resource, "health.status"),
          text(resource, "health.message"));
    }
    table.print(out);
  }

  private static String syncPolicy(JsonNode app) {
    JsonNode automated = app.path("spec").path("syncPolicy").path("automated");
    if (automated.isMissingNode() || automated.isNull()) {
      return "Manual";
    }
    StringBuilder policy = new StringBuilder("Automated");
    if (automated.path("prune").asBoolean()) {
      policy.append(" (Prune)");
    }
    if (automated.path("selfHeal").asBoolean()) {
      policy.append(" (Self Heal)");
    }
    return policy.toString();
  }

  private static String shortSha(String revision) {
    return revision.length() > 7 ? revision.substring(0, 7) : revision;
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("%-20s%s%n", name + ":", value);
  }

  /** The target revision as argocd prints it: {@code HEAD} when the source leaves it empty. */
  private static String targetRevision(JsonNode app) {
    String revision = text(app, "spec.source.targetRevision");
    return revision.isEmpty() ? "HEAD" : revision;
  }
}
