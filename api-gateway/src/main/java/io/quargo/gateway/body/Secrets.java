package io.quargo.gateway.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Takes credentials out of repository and cluster answers before they leave the gateway, whatever
 * app-controller sent: passwords, tokens and private keys are write-only, as in Argo CD.
 */
public final class Secrets {

  /** Field names that hold a credential, at any depth. */
  static final Set<String> FIELDS =
      Set.of(
          "password",
          "sshPrivateKey",
          "tlsClientCertKey",
          "githubAppPrivateKey",
          "gcpServiceAccountKey",
          "bearerToken",
          "keyData",
          "kubeconfig",
          "execProviderConfig",
          "awsAuthConfig");

  private Secrets() {}

  /** {@code node} with every credential field removed (changed in place and returned). */
  public static JsonNode redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(FIELDS);
      object.forEach(Secrets::redact);
    } else if (node != null && node.isArray()) {
      node.forEach(Secrets::redact);
    }
    return node;
  }
}
