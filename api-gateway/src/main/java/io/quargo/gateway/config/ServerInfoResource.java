package io.quargo.gateway.config;

import io.quargo.gateway.body.YamlBodies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Argo CD's public {@code /api/version} and {@code /api/v1/settings}, in their shapes. */
@Path("/api")
@Produces({MediaType.APPLICATION_JSON, YamlBodies.YAML})
public class ServerInfoResource {

  private final String version;
  private final GatewayConfig.Oidc oidc;

  public ServerInfoResource(
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version,
      GatewayConfig config) {
    this.version = version;
    this.oidc = config.oidc();
  }

  @GET
  @Path("/version")
  public Map<String, Object> version() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Version", "v" + version);
    out.put("Platform", System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
    out.put("JavaVersion", System.getProperty("java.version"));
    return out;
  }

  @GET
  @Path("/v1/settings")
  public Map<String, Object> settings() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("appLabelKey", "app.kubernetes.io/instance");
    out.put("userLoginsDisabled", false);
    out.put("statusBadgeEnabled", false);
    out.put("kustomizeVersions", List.of());
    out.put("controllerNamespace", "argocd");
    oidc.issuer()
        .filter(i -> !i.isBlank())
        .ifPresent(
            issuer -> {
              Map<String, Object> oidcConfig = new LinkedHashMap<>();
              oidcConfig.put("name", oidc.name());
              oidcConfig.put("issuer", issuer);
              oidcConfig.put("clientID", oidc.clientId().orElse(""));
              // quargo login --sso asks for tokens of this client (Argo CD's cliClientID)
              oidc.cliClientId()
                  .filter(id -> !id.isBlank())
                  .ifPresent(id -> oidcConfig.put("cliClientID", id));
              oidcConfig.put("scopes", oidc.requestedScopes());
              // the browser logs in through /auth/login with PKCE (see OidcLoginResource)
              oidcConfig.put("enablePKCEAuthentication", true);
              out.put("oidcConfig", oidcConfig);
            });
    return out;
  }
}
