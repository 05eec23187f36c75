package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What to render, in the shape of an Argo CD Application's {@code spec.source} plus the app's name
 * and destination namespace (for the build environment and Helm's release). {@code kustomize} is
 * {@code spec.source.kustomize} as JSON (read by {@code kustomize.ArgoKustomizeSource}).
 */
public record ManifestSource(
    String repoURL,
    String targetRevision,
    String path,
    String chart,
    Helm helm,
    Directory directory,
    JsonNode kustomize,
    String appName,
    String namespace) {

  /** A source without Kustomize overrides. */
  public ManifestSource(
      String repoURL,
      String targetRevision,
      String path,
      String chart,
      Helm helm,
      Directory directory,
      String appName,
      String namespace) {
    this(repoURL, targetRevision, path, chart, helm, directory, null, appName, namespace);
  }

  /** Whether {@code spec.source.kustomize} holds anything. */
  public boolean hasKustomize() {
    return kustomize != null && !kustomize.isNull() && !kustomize.isEmpty();
  }

  /** {@code spec.source.directory}. */
  public record Directory(
      Boolean recurse, String include, String exclude, Boolean disableExtensionFilter) {

    /** Without {@code disableExtensionFilter}. */
    public Directory(Boolean recurse, String include, String exclude) {
      this(recurse, include, exclude, null);
    }

    /** Whether subdirectories are read. */
    public boolean recursive() {
      return Boolean.TRUE.equals(recurse);
    }

    /** Whether files of every name are read, not only YAML and JSON. */
    public boolean extensionFilterDisabled() {
      return Boolean.TRUE.equals(disableExtensionFilter);
    }
  }

  /**
   * {@code spec.source.helm}. {@code apiVersions} are added to {@code .Capabilities.APIVersions}
   * ({@code helm template --api-versions}), {@code kubeVersion} replaces Helm's default Kubernetes
   * version, {@code skipTests} leaves test hooks out, {@code skipSchemaValidation} does not check
   * values against {@code values.schema.json}.
   */
  public record Helm(
      List<String> valueFiles,
      String values,
      JsonNode valuesObject,
      List<Parameter> parameters,
      String releaseName,
      String namespace,
      Boolean skipCrds,
      Boolean ignoreMissingValueFiles,
      String kubeVersion,
      List<FileParameter> fileParameters,
      List<String> apiVersions,
      Boolean skipTests,
      Boolean skipSchemaValidation) {

    /** Without {@code kubeVersion} (Helm's default Kubernetes version). */
    public Helm(
        List<String> valueFiles,
        String values,
        JsonNode valuesObject,
        List<Parameter> parameters,
        String releaseName,
        String namespace,
        Boolean skipCrds,
        Boolean ignoreMissingValueFiles) {
      this(
          valueFiles,
          values,
          valuesObject,
          parameters,
          releaseName,
          namespace,
          skipCrds,
          ignoreMissingValueFiles,
          null);
    }

    /** Without file parameters, API versions, skipTests and skipSchemaValidation. */
    public Helm(
        List<String> valueFiles,
        String values,
        JsonNode valuesObject,
        List<Parameter> parameters,
        String releaseName,
        String namespace,
        Boolean skipCrds,
        Boolean ignoreMissingValueFiles,
        String kubeVersion) {
      this(
          valueFiles,
          values,
          valuesObject,
          parameters,
          releaseName,
          namespace,
          skipCrds,
          ignoreMissingValueFiles,
          kubeVersion,
          null,
          null,
          null,
          null);
    }
  }

  /**
   * One Helm file parameter ({@code --set-file name=path}): the value is the content of a file in
   * the repository, resolved like a value file.
   */
  public record FileParameter(String name, String path) {}

  /** One Helm parameter ({@code --set name=value}, or {@code --set-string} with forceString). */
  public record Parameter(String name, String value, Boolean forceString) {
    /** Whether the value stays a string whatever it looks like. */
    public boolean asString() {
      return Boolean.TRUE.equals(forceString);
    }
  }
}
