package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo app unset NAME -p PARAM --values FILE --nameprefix ...}: removes source settings
 * {@code app set} (or a manifest) gave, as argocd's {@code app unset}; the app is written back only
 * when something was removed.
 */
@Command(name = "unset", description = "Unset application parameters and source settings.")
final class AppUnsetCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME",
      description = "A Helm parameter to remove (repeatable).")
  List<String> parameters = new ArrayList<>();

  @Option(names = "--values", paramLabel = "FILE", description = "A Helm values file to remove.")
  List<String> valueFiles = new ArrayList<>();

  @Option(names = "--values-literal", description = "Remove the literal Helm values block.")
  boolean valuesLiteral;

  @Option(
      names = "--ignore-missing-value-files",
      description = "Turn Helm's ignoreMissingValueFiles off.")
  boolean ignoreMissingValueFiles;

  @Option(names = "--pass-credentials", description = "Turn Helm's passCredentials off.")
  boolean passCredentials;

  @Option(names = "--nameprefix", description = "Remove the Kustomize namePrefix.")
  boolean namePrefix;

  @Option(names = "--namesuffix", description = "Remove the Kustomize nameSuffix.")
  boolean nameSuffix;

  @Option(names = "--kustomize-namespace", description = "Remove the Kustomize namespace.")
  boolean kustomizeNamespace;

  @Option(names = "--kustomize-version", description = "Remove the Kustomize version.")
  boolean kustomizeVersion;

  @Option(
      names = "--kustomize-image",
      paramLabel = "IMAGE",
      description = "A Kustomize image override to remove, by image name (repeatable).")
  List<String> kustomizeImages = new ArrayList<>();

  @Override
  public Integer call() {
    GatewayClient client = Main.of(spec).connection().client();
    ObjectNode app = (ObjectNode) client.get(AppCommand.path(name, ""));
    JsonNode source = app.path("spec").path("source");
    boolean changed = false;
    if (source.path("helm") instanceof ObjectNode helm) {
      changed |= removeFrom(helm, "parameters", p -> parameters.contains(p.path("name").asText()));
      changed |= removeFrom(helm, "valueFiles", f -> valueFiles.contains(f.asText()));
      changed |=
          valuesLiteral && (helm.remove("values") != null | helm.remove("valuesObject") != null);
      changed |= ignoreMissingValueFiles && helm.remove("ignoreMissingValueFiles") != null;
      changed |= passCredentials && helm.remove("passCredentials") != null;
    }
    if (source.path("kustomize") instanceof ObjectNode kustomize) {
      changed |= namePrefix && kustomize.remove("namePrefix") != null;
      changed |= nameSuffix && kustomize.remove("nameSuffix") != null;
      changed |= kustomizeNamespace && kustomize.remove("namespace") != null;
      changed |= kustomizeVersion && kustomize.remove("version") != null;
      changed |= removeFrom(kustomize, "images", i -> kustomizeImages.contains(imageName(i)));
    }
    if (!changed) {
      spec.commandLine().getOut().println("application '" + name + "' has none of these set");
      return Main.OK;
    }
    app.remove("status");
    app.remove("operation");
    client.put(AppCommand.path(name, ""), app);
    spec.commandLine().getOut().println("application '" + name + "' updated");
    return Main.OK;
  }

  /** Removes the items of {@code parent.field} that {@code unwanted} matches; true if any. */
  private static boolean removeFrom(ObjectNode parent, String field, Predicate<JsonNode> unwanted) {
    if (!(parent.path(field) instanceof ArrayNode array)) {
      return false;
    }
    boolean removed = false;
    for (int i = array.size() - 1; i >= 0; i--) {
      if (unwanted.test(array.get(i))) {
        array.remove(i);
        removed = true;
      }
    }
    return removed;
  }

  /**
   * The image name of a Kustomize override ({@code nginx=nginx:1.27}, {@code nginx:1.27}, {@code
   * nginx@sha256:..}): what argocd matches {@code --kustomize-image} against.
   */
  static String imageName(JsonNode override) {
    String text = override.asText();
    int equals = text.indexOf('=');
    if (equals > 0) {
      return text.substring(0, equals);
    }
    int at = text.indexOf('@');
    String withoutDigest = at > 0 ? text.substring(0, at) : text;
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
