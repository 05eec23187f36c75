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

  /** {@code spec.source.helm}. */
  public record Helm(
      List<String> valueFiles,
      String values,
      JsonNode valuesObject,
      List<Parameter> parameters,
      String releaseName,
      String namespace,
      Boolean skipCrds,
      Boolean ignoreMissingValueFiles,
      String kubeVersion) {

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
  }

  /** One Helm parameter ({@code --set name=value}, or {@code --set-string} with forceString). */
  public record Parameter(String name, String value, Boolean forceString) {
    /** Whether the value stays a string whatever it looks like. */
    public boolean asString() {
      return Boolean.TRUE.equals(forceString);
    }
  }
}
