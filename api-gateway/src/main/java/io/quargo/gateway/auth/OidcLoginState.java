package io.quargo.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One browser login in progress, kept in the {@value #COOKIE} cookie between {@code /auth/login}
 * and {@code /auth/callback} as Argo CD keeps it: sealed with AES-GCM under a key only the gateway
 * has, so the browser can neither read the PKCE verifier nor change a field.
 *
 * @param state the random {@code state} sent to the provider, which must come back unchanged
 * @param nonce the random {@code nonce} the ID token must carry
 * @param codeVerifier the PKCE verifier whose S256 challenge was sent
 * @param returnUrl where the browser goes once logged in, a path on this gateway
 * @param expiresAt when the login is no longer accepted, in epoch seconds
 */
record OidcLoginState(
    String state, String nonce, String codeVerifier, String returnUrl, long expiresAt) {

  /** The cookie's name, Argo CD's. */
  static final String COOKIE = "argocd.oauthstate";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  /** A new login to {@code returnUrl}, with a fresh state, nonce and verifier. */
  static OidcLoginState start(String returnUrl, long expiresAt) {
    return new OidcLoginState(random(), random(), random(), returnUrl, expiresAt);
  }

  /** The PKCE S256 challenge of the verifier (RFC 7636 section 4.2). */
  String codeChallenge() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cookie value: base64url of the IV and the sealed JSON. */
  String seal(byte[] key) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("state", state);
    fields.put("nonce", nonce);
    fields.put("verifier", codeVerifier);
    fields.put("returnUrl", returnUrl);
    fields.put("exp", expiresAt);
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      byte[] sealed =
          cipher(Cipher.ENCRYPT_MODE, key, iv)
              .doFinal(Json.toJson(fields).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the login state", e);
    }
  }

  /** The login a cookie value holds; empty when it was not sealed by {@code key} or is damaged. */
  static Optional<OidcLoginState> open(String cookie, byte[] key) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(cookie);
      if (raw.length <= IV_BYTES) {
        return Optional.empty();
      }
      byte[] iv = java.util.Arrays.copyOf(raw, IV_BYTES);
      byte[] json =
          cipher(Cipher.DECRYPT_MODE, key, iv).doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
      JsonNode f = Json.mapper().readTree(json);
      return Optional.of(
          new OidcLoginState(
              f.path("state").asText(),
              f.path("nonce").asText(),
              f.path("verifier").asText(),
              f.path("returnUrl").asText("/"),
              f.path("exp").asLong()));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(COOKIE.getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  /** 256 random bits, base64url: a state, nonce or PKCE verifier (43 characters). */
  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
