package io.quargo.reposerver.render.kustomize;

/**
 * A kustomization uses a field the Java engine does not implement and no external kustomize binary
 * is configured; the message names the field and the file.
 */
public class UnsupportedKustomizationException extends KustomizeException {

  private final String field;

  public UnsupportedKustomizationException(String file, String field, String detail) {
    super(
        file,
        "field \""
            + field
            + "\" is not supported by Quargo's Kustomize engine"
            + (detail == null ? "" : " (" + detail + ")")
            + "; configure an external kustomize binary (repo-server kustomize path) to render it");
    this.field = field;
  }

  /** The unsupported kustomization field. */
  public String field() {
    return field;
  }
}
