package io.quargo.gateway.auth;

import io.quargo.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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
  private final Revocations revocations;
  private final VerifiedTokens verified = new VerifiedTokens();
  private volatile PrivateKey privateKey;
  private volatile JwtConsumer consumer;

  public TokenService(GatewayConfig config, Revocations revocations) {
    this.config = config;
    this.revocations = revocations;
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
      return revocations.contains(known.get().tokenId()) ? Optional.empty() : known;
    }
    try {
      JwtClaims claims = consumer.processToClaims(token);
      String jti = claims.getJwtId();
      if (revocations.contains(jti)) {
        return Optional.empty();
      }
      List<String> groups =
          claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
      long iat = claims.getIssuedAt() != null ? claims.getIssuedAt().getValue() : 0;
      long exp = claims.getExpirationTime().getValue();
      Caller caller = new Caller(claims.getSubject(), groups, jti, iat, exp, null);
      verified.remember(token, caller, exp + CLOCK_SKEW_SECONDS - 1);
      return Optional.of(caller);
    } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
      return Optional.empty();
    }
  }

  /** Refuses the token {@code jti} from now on (logout). */
  public void revoke(String jti, Instant expiresAt) {
    revocations.revoke(jti, expiresAt);
  }

  /**
   * A 256-bit secret for {@code purpose} derived from the signing key, so every replica derives the
   * same one and it changes when the key does.
   */
  byte[] derivedSecret(String purpose) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(purpose.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return sha256.digest(privateKey.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
