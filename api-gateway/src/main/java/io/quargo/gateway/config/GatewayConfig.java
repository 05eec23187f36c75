package io.quargo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's configuration ({@code quargo.gateway.*}), Argo CD's argocd-cm and argocd-rbac-cm.
 */
@ConfigMapping(prefix = "quargo.gateway")
public interface GatewayConfig {

  /** The built-in admin account. */
  Admin admin();

  /** Role-based access control, as argocd-rbac-cm. */
  Rbac rbac();

  /** Sessions from {@code POST /api/v1/session}. */
  Session session();

  /** Local accounts besides admin, by name ({@code accounts.<name>} in argocd-cm). */
  Map<String, LocalAccount> accounts();

  /** An external OpenID Connect provider whose ID tokens are accepted, as {@code oidc.config}. */
  Oidc oidc();

  /** The admin account. */
  interface Admin {
    /** Where the generated initial admin password is written (mode 600), when set. */
    Optional<Path> initialPasswordFile();

    /** Whether admin may log in ({@code admin.enabled}). */
    @WithDefault("true")
    boolean enabled();

    /**
     * What admin may do, as Argo CD's {@code accounts.admin}: {@code login} (password sessions) and
     * {@code apiKey} (API tokens, {@code POST /api/v1/account/admin/token}).
     */
    @WithDefault("login")
    List<String> capabilities();
  }

  /** RBAC policy. */
  interface Rbac {
    /** Policy lines ({@code p, ...} and {@code g, ...}), as {@code policy.csv}. */
    Optional<String> policyCsv();

    /** The role every authenticated caller has, as {@code policy.default}; empty for none. */
    Optional<String> defaultRole();

    /**
     * Whether a sync to another revision than the app's target needs {@code override}, as
     * argocd-cm's {@code application.sync.requireOverridePrivilegeForRevisionSync}.
     */
    @WithDefault("false")
    boolean requireOverridePrivilegeForRevisionSync();
  }

  /** Session tokens. */
  interface Session {
    /** How long a session token is valid. */
    @WithDefault("24h")
    Duration lifetime();

    /** The issuer ({@code iss}) of the tokens the gateway signs. */
    @WithDefault("quargo")
    String issuer();

    /**
     * How often each gateway re-reads the tokens other gateway replicas revoked (logout, deleted
     * tokens), so a logout holds on every replica within this interval.
     */
    @WithDefault("2s")
    Duration revocationRefresh();
  }

  /**
   * Argo CD's {@code oidc.config}: when {@link #issuer()} is set, ID tokens that provider signs are
   * accepted as bearer tokens or the {@code argocd.token} cookie, and the browser logs in through
   * {@code GET /auth/login} (authorization code with PKCE, back at {@code /auth/callback}); nothing
   * changes when it is not. For example:
   *
   * <pre>
   * quargo.gateway.oidc.name=Okta
   * quargo.gateway.oidc.issuer=https://dev-123456.okta.com
   * quargo.gateway.oidc.client-id=quargo
   * # from the environment (QUARGO_GATEWAY_OIDC_CLIENT_SECRET), never in a file; unset for a
   * # public client
   * quargo.gateway.oidc.client-secret=...
   * quargo.gateway.oidc.redirect-uri=https://quargo.example.com/auth/callback
   * quargo.gateway.oidc.logout-url=https://dev-123456.okta.com/oauth2/v1/logout?id_token_hint={{token}}&amp;post_logout_redirect_uri={{logoutRedirectURL}}
   * </pre>
   */
  interface Oidc {
    /** The display name ({@code name}), shown by the UI and {@code /api/v1/settings}. */
    @WithDefault("OIDC")
    String name();

    /** The provider's issuer URL ({@code issuer}); its discovery document names the endpoints. */
    Optional<String> issuer();

    /** The client id ({@code clientID}) an accepted token's {@code aud} must contain. */
    Optional<String> clientId();

    /**
     * The client id of the CLI ({@code cliClientID}), a public client registered with the redirect
     * URI {@code http://localhost:8085/auth/callback}; tokens issued to it are accepted too. Unset:
     * {@code quargo login --sso} uses {@link #clientId()}.
     */
    Optional<String> cliClientId();

    /**
     * The client secret ({@code clientSecret}) sent to the token endpoint; unset for a public
     * client, which PKCE protects.
     */
    Optional<String> clientSecret();

    /**
     * Where the provider sends the browser back, registered with it (Argo CD's {@code
     * <url>/auth/callback}); unset: {@code /auth/callback} on the host the login request came to.
     */
    Optional<String> redirectUri();

    /** The scopes asked for at login ({@code requestedScopes}). */
    @WithDefault("openid,profile,email,groups")
    List<String> requestedScopes();

    /**
     * Where the UI sends the browser after logout ({@code logoutURL}), with {@code {{token}}}
     * replaced by the ID token and {@code {{logoutRedirectURL}}} by the gateway's URL; unset: the
     * provider's {@code end_session_endpoint}, if its discovery document names one.
     */
    Optional<String> logoutUrl();

    /** The claim listing the caller's groups, each an RBAC subject ({@code scopes: [groups]}). */
    @WithDefault("groups")
    String groupsClaim();

    /** The claim naming the caller; unset: {@code email}, else {@code sub}. */
    Optional<String> usernameClaim();
  }

  /** A local account. */
  interface LocalAccount {
    /** Whether the account may log in ({@code accounts.<name>.enabled}). */
    @WithDefault("true")
    boolean enabled();

    /**
     * What the account may do, as Argo CD's {@code accounts.<name>: apiKey, login}: {@code login}
     * (password sessions) and {@code apiKey} (API tokens from {@code POST
     * /api/v1/account/<name>/token}).
     */
    @WithDefault("login")
    List<String> capabilities();
  }
}
