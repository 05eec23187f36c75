package io.quargo.appcontroller.cluster;

/**
 * An app's destination names a cluster that is not registered; the app gets an {@code
 * InvalidSpecError} condition with this message, as in Argo CD.
 */
public class UnknownClusterException extends RuntimeException {

  public UnknownClusterException(String message) {
    super(message);
  }
}
