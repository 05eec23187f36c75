package io.quargo.appcontroller.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (cluster tokens and keys, repository passwords) before they are stored:
 * AES-256-GCM with a random 96-bit nonce per value, written as {@code v1:<base64(nonce ||
 * ciphertext+tag)>}. A value changed at rest, or read with another key, fails to open instead of
 * giving garbage.
 */
public final class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** A box for a 32-byte key. */
  public SecretBox(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException(
          "the secrets key must be 32 bytes (AES-256), got "
              + (key == null ? "none" : key.length + " bytes"));
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A box for a base64 key; a clear message when it is not base64 of 32 bytes. */
  public static SecretBox ofBase64(String base64, String origin) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          origin
              + " is not valid base64; it must be 32 random bytes in base64 (openssl rand -base64 32)",
          e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          origin
              + " decodes to "
              + bytes.length
              + " bytes; an AES-256 key is 32 bytes (openssl rand -base64 32)");
    }
    return new SecretBox(bytes);
  }

  /** A new random key, base64. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code plaintext} sealed; null stays null. */
  public String seal(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** The plaintext of a sealed value; null stays null. */
  public String open(String sealed) {
    if (sealed == null) {
      return null;
    }
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("a stored secret is not in the v1 format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a stored secret cannot be decrypted: it was changed, or written with another"
              + " quargo.secrets.key",
          e);
    }
  }
}
