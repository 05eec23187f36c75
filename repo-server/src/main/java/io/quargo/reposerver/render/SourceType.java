package io.quargo.reposerver.render;

/** How a source path is rendered, named as Argo CD names it. */
public enum SourceType {
  Directory,
  Helm,
  Kustomize
}
