package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The source's tool settings {@code app create} and {@code app set} take, with argocd's flag names:
 * Helm ({@code spec.source.helm}), Kustomize ({@code spec.source.kustomize}) and plain directories
 * ({@code spec.source.directory}). A Helm parameter set twice keeps the last value, as argocd does.
 */
final class AppSourceToolOptions {
  @Option(
      names = "--helm-set",
      paramLabel = "NAME=VALUE",
      description = "A Helm parameter (repeatable), e.g. replicaCount=2.")
  List<String> helmSet;

  @Option(
      names = "--helm-set-string",
      paramLabel = "NAME=VALUE",
      description = "A Helm parameter kept a string (repeatable).")
  List<String> helmSetString;

  @Option(
      names = "--values",
      paramLabel = "FILE",
      description = "A Helm values file in the repository (repeatable).")
  List<String> values;

  @Option(names = "--release-name", description = "The Helm release name (default: the app's).")
  String releaseName;

  @Option(
      names = "--kustomize-image",
      paramLabel = "IMAGE",
      description = "A Kustomize image override (repeatable), e.g. nginx=nginx:1.27.")
  List<String> kustomizeImages;

  @Option(names = "--nameprefix", description = "Kustomize namePrefix.")
  String namePrefix;

  @Option(names = "--namesuffix", description = "Kustomize nameSuffix.")
  String nameSuffix;

  @Option(
      names = "--directory-recurse",
      description = "Read manifests from the path's sub-folders too.")
  Boolean directoryRecurse;

  boolean any() {
    return helmSet != null
        || helmSetString != null
        || values != null
        || releaseName != null
        || kustomizeImages != null
        || namePrefix != null
        || nameSuffix != null
        || directoryRecurse != null;
  }

  /** Writes the given flags into {@code app}'s {@code spec.source}; others stay as they are. */
  void applyTo(ObjectNode app, CommandLine commandLine) {
    if (!any()) {
      return;
    }
    ObjectNode source = AppSpecOptions.object(AppSpecOptions.object(app, "spec"), "source");
    if (helmSet != null || helmSetString != null || values != null || releaseName != null) {
      ObjectNode helm = AppSpecOptions.object(source, "helm");
      if (helmSet != null) {
        helmSet.forEach(p -> setParameter(helm, p, false, "--helm-set", commandLine));
      }
      if (helmSetString != null) {
        helmSetString.forEach(p -> setParameter(helm, p, true, "--helm-set-string", commandLine));
      }
      if (values != null) {
        ArrayNode files = array(helm, "valueFiles");
        values.stream().filter(v -> !contains(files, v)).forEach(files::add);
      }
      if (releaseName != null) {
        helm.put("releaseName", releaseName);
      }
    }
    if (kustomizeImages != null || namePrefix != null || nameSuffix != null) {
      ObjectNode kustomize = AppSpecOptions.object(source, "kustomize");
      if (kustomizeImages != null) {
        ArrayNode images = array(kustomize, "images");
        kustomizeImages.stream().filter(i -> !contains(images, i)).forEach(images::add);
      }
      if (namePrefix != null) {
        kustomize.put("namePrefix", namePrefix);
      }
      if (nameSuffix != null) {
        kustomize.put("nameSuffix", nameSuffix);
      }
    }
    if (directoryRecurse != null) {
      AppSpecOptions.object(source, "directory").put("recurse", directoryRecurse);
    }
  }

  private static void setParameter(
      ObjectNode helm, String text, boolean forceString, String flag, CommandLine commandLine) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new CommandLine.ParameterException(
          commandLine, flag + " \"" + text + "\" is not NAME=VALUE (e.g. replicaCount=2)");
    }
    String name = text.substring(0, equals);
    ArrayNode parameters = array(helm, "parameters");
    for (int i = parameters.size() - 1; i >= 0; i--) {
      if (name.equals(parameters.get(i).path("name").asText())) {
        parameters.remove(i);
      }
    }
    ObjectNode parameter = parameters.addObject();
    parameter.put("name", name).put("value", text.substring(equals + 1));
    if (forceString) {
      parameter.put("forceString", true);
    }
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    if (!parent.path(field).isArray()) {
      return parent.putArray(field);
    }
    return (ArrayNode) parent.get(field);
  }

  private static boolean contains(ArrayNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
