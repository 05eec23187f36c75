package io.quargo.testkit.oidc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RS256 key of {@link OidcTestProvider}: signs its ID tokens and is published in its JWKS under
 * {@code kid}. Made with the JDK alone, so the testkit needs no JOSE library.
 *
 * @param kid the key id, in the JWKS and in each token's header
 * @param pair the RSA key pair
 */
public record TestSigningKey(String kid, KeyPair pair) {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** A new 2048-bit RSA key named {@code kid}. */
  public static TestSigningKey generate(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestSigningKey(kid, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a JWK ({@code kty RSA, use sig, alg RS256}). */
  public Map<String, Object> jwk() {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("kid", kid);
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("n", unsigned(key.getModulus()));
    jwk.put("e", unsigned(key.getPublicExponent()));
    return jwk;
  }

  /** A compact JWS of {@code payloadJson}, signed RS256 with this key's id in the header. */
  public String sign(String payloadJson) {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
    String input =
        BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + BASE64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(pair.getPrivate());
      rs256.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JWK number: big-endian bytes without the sign byte, base64url. */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return BASE64URL.encodeToString(bytes);
  }
}
