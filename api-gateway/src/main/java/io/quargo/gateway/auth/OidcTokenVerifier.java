package io.quargo.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Accepts ID tokens of the OpenID Connect provider configured as {@code quargo.gateway.oidc} (Argo
 * CD's {@code oidc.config}): the provider's discovery document names its JWKS, which is fetched
 * once and again when a token names an unknown {@code kid}; a token must be RS256-signed by it, be
 * issued by the provider, name the client id (or the CLI's) in {@code aud}, be within {@code
 * nbf}/{@code exp} and not be ended by logout. Its caller is the username claim, with each group of
 * the groups claim as an RBAC subject.
 */
@ApplicationScoped
public class OidcTokenVerifier {

  /** Why a token of the provider was refused; the message says so to the caller. */
  public static final class RejectedToken extends Exception {
    RejectedToken(String message) {
      super(message);
    }
  }

  private static final int CLOCK_SKEW_SECONDS = 30;

  private final GatewayConfig.Oidc config;
  private final OidcProvider provider;
  private final Revocations revocations;
  private final String issuer;
  private final VerifiedTokens verified = new VerifiedTokens();
  private volatile JwtConsumer consumer;

  public OidcTokenVerifier(GatewayConfig config, OidcProvider provider, Revocations revocations) {
    this.config = config.oidc();
    this.provider = provider;
    this.revocations = revocations;
    this.issuer = provider.issuer().orElse(null);
  }

  /** Whether an OIDC provider is configured. */
  public boolean enabled() {
    return issuer != null;
  }

  /** Whether {@code token} claims to be the configured provider's (not yet verified). */
  public boolean claims(String token) {
    if (issuer == null) {
      return false;
    }
    if (verified.find(token, Instant.now().getEpochSecond()).isPresent()) {
      return true;
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      JsonNode payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      return issuer.equals(payload.path("iss").asText(null));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The caller of a token of the provider; {@link RejectedToken} naming why it is refused. */
  public Caller verify(String token) throws RejectedToken {
    Optional<Caller> known = verified.find(token, Instant.now().getEpochSecond());
    Caller caller = known.isPresent() ? known.get() : check(token, null);
    if (revocations.contains(caller.tokenId())) {
      throw new RejectedToken(
          "the " + config.name() + " ID token was ended by logout; log in again at /auth/login");
    }
    return caller;
  }

  /**
   * The caller of an ID token the token endpoint just gave for a login, whose {@code nonce} must be
   * the one that login sent.
   */
  public Caller verifyLogin(String token, String nonce) throws RejectedToken {
    return check(token, nonce);
  }

  private Caller check(String token, String expectedNonce) throws RejectedToken {
    JwtConsumer checks = consumer();
    JwtClaims claims;
    try {
      claims = checks.processToClaims(token);
    } catch (InvalidJwtException e) {
      throw new RejectedToken("the " + config.name() + " ID token is refused: " + reason(e));
    }
    try {
      if (expectedNonce != null && !expectedNonce.equals(claims.getStringClaimValue("nonce"))) {
        throw new RejectedToken(
            "the "
                + config.name()
                + " ID token is refused: its nonce is not the one this login sent"
                + " (a replayed or swapped token); log in again at /auth/login");
      }
      long exp = claims.getExpirationTime().getValue();
      Caller caller =
          new Caller(
              username(claims),
              groups(claims),
              revocationId(claims.getJwtId(), token),
              claims.getIssuedAt() != null ? claims.getIssuedAt().getValue() : 0,
              exp,
              issuer);
      verified.remember(token, caller, exp + CLOCK_SKEW_SECONDS - 1);
      return caller;
    } catch (MalformedClaimException e) {
      throw new RejectedToken("the " + config.name() + " ID token has a malformed claim: " + e);
    }
  }

  /**
   * The id a token is revoked under: a SHA-256 of the issuer and its {@code jti}, or of the whole
   * token when it has none (Dex's have none), so it fits {@code revoked_token.jti} and never equals
   * a session's {@code jti}.
   */
  private String revocationId(String jti, String token) {
    String key =
        issuer + "\n" + (jti != null && !jti.isEmpty() ? "jti\n" + jti : "token\n" + token);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String username(JwtClaims claims) throws MalformedClaimException, RejectedToken {
    String claim = config.usernameClaim().orElse(claims.hasClaim("email") ? "email" : "sub");
    String name = claims.getClaimValueAsString(claim);
    if (name == null || name.isBlank()) {
      throw new RejectedToken(
          "the " + config.name() + " ID token has no username claim \"" + claim + "\"");
    }
    if (name.startsWith("proj:")) {
      throw new RejectedToken("the username \"" + name + "\" is reserved for project roles");
    }
    return name;
  }

  private List<String> groups(JwtClaims claims) {
    Object value = claims.getClaimValue(config.groupsClaim());
    List<String> groups = new ArrayList<>();
    if (value instanceof String s) {
      groups.add(s);
    } else if (value instanceof List<?> list) {
      list.forEach(g -> groups.add(String.valueOf(g)));
    }
    return groups;
  }

  private static String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "it has expired (exp)";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return "its audience (aud) does not contain the client id";
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
        || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
        || e.getCause() != null && e.getMessage().contains("verification key")) {
      return "its signature does not verify with the provider's keys (JWKS)";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return "it is not valid yet (nbf)";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
      return "its issuer (iss) is not the configured one";
    }
    List<ErrorCodeValidator.Error> details = e.getErrorDetails();
    return details.isEmpty()
        ? "its signature does not verify with the provider's keys (JWKS)"
        : details.get(0).getErrorMessage();
  }

  /**
   * The client ids a token's {@code aud} must contain one of: the UI's and, when set, the CLI's (a
   * token of {@code quargo login --sso}).
   */
  private String[] audiences() {
    List<String> ids = new ArrayList<>();
    ids.add(config.clientId().orElse(""));
    config.cliClientId().filter(id -> !id.isBlank()).ifPresent(ids::add);
    return ids.toArray(String[]::new);
  }

  /** The token checks, built on first use from the provider's discovery document. */
  private JwtConsumer consumer() throws RejectedToken {
    JwtConsumer c = consumer;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      if (consumer == null) {
        String jwksUri;
        try {
          jwksUri = provider.metadata().jwksUri();
        } catch (OidcProvider.Unavailable e) {
          throw new RejectedToken(e.getMessage());
        }
        consumer =
            new JwtConsumerBuilder()
                .setVerificationKeyResolver(
                    new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwksUri)))
                .setJwsAlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audiences())
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
      }
      return consumer;
    }
  }
}
