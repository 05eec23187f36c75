package io.quargo.gateway.auth;

import io.quargo.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Signs and verifies the gateway's tokens (RS256 JWTs): sessions for accounts and API tokens for
 * project roles. The key pair is generated at first start and kept in the database, so every
 * replica and every restart accepts the same tokens.
 */
@ApplicationScoped
public class TokenService {

  private static final String KEY_ID = "default";
  private static final int CLOCK_SKEW_SECONDS = 30;

  private final GatewayConfig config;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final VerifiedTokens verified = new VerifiedTokens();
  private volatile PrivateKey privateKey;
  private volatile JwtConsumer consumer;

  public TokenService(GatewayConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    SigningKey key =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  SigningKey existing = SigningKey.findById(KEY_ID);
                  return existing != null ? existing : generate();
                });
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(key.privatePem)));
      PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(decode(key.publicPem)));
      consumer =
          new JwtConsumerBuilder()
              .setVerificationKey(publicKey)
              .setExpectedIssuer(config.session().issuer())
              .setRequireSubject()
              .setRequireExpirationTime()
              .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
              .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + KEY_ID + " in api_gateway.signing_key", e);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              RevokedToken.delete("expiresAt < ?1", Instant.now());
              RevokedToken.<RevokedToken>streamAll().forEach(t -> revoked.add(t.jti));
            });
  }

  private static SigningKey generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    SigningKey key = new SigningKey();
    key.id = KEY_ID;
    key.privatePem = encode("PRIVATE KEY", pair.getPrivate().getEncoded());
    key.publicPem = encode("PUBLIC KEY", pair.getPublic().getEncoded());
    key.persist();
    return key;
  }

  /** A signed token for {@code subject}, valid from {@code issuedAt} until {@code expiresAt}. */
  public String issue(String subject, String jti, Instant issuedAt, Instant expiresAt) {
    return Jwt.claims()
        .issuer(config.session().issuer())
        .subject(subject)
        .claim("jti", jti)
        .issuedAt(issuedAt.getEpochSecond())
        .expiresAt(expiresAt.getEpochSecond())
        .jws()
        .keyId(KEY_ID)
        .sign(privateKey);
  }

  /**
   * The caller a token names, if its signature, issuer and expiry hold and it is not revoked. A
   * token whose signature was checked once is remembered until it expires, so a client sending the
   * same token on every request pays for the RSA check once; revocation is still checked each time.
   */
  public Optional<Caller> verify(String token) {
    Optional<Caller> known = verified.find(token, Instant.now().getEpochSecond());
    if (known.isPresent()) {
      String jti = known.get().tokenId();
      return jti != null && revoked.contains(jti) ? Optional.empty() : known;
    }
    try {
      JwtClaims claims = consumer.processToClaims(token);
      String jti = claims.getJwtId();
      if (jti != null && revoked.contains(jti)) {
        return Optional.empty();
      }
      List<String> groups =
          claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
      long iat = claims.getIssuedAt() != null ? claims.getIssuedAt().getValue() : 0;
      Caller caller = new Caller(claims.getSubject(), groups, jti, iat);
      verified.remember(
          token, caller, claims.getExpirationTime().getValue() + CLOCK_SKEW_SECONDS - 1);
      return Optional.of(caller);
    } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
      return Optional.empty();
    }
  }

  /** Refuses the token {@code jti} from now on (logout). */
  public void revoke(String jti, Instant expiresAt) {
    revoked.add(jti);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (RevokedToken.findById(jti) == null) {
                RevokedToken t = new RevokedToken();
                t.jti = jti;
                t.expiresAt = expiresAt;
                t.persist();
              }
            });
  }

  private static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] decode(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
