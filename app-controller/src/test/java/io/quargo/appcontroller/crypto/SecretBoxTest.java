package io.quargo.appcontroller.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM sealing of stored secrets, and the messages a wrong key gives at start. */
class SecretBoxTest {

  @Test
  void sealsWithoutPlaintextAndOpensWithTheSameKeyOnly() {
    SecretBox box = SecretBox.ofBase64(SecretBox.newKey(), "test key");
    String sealed = box.seal("hunter2-token");
    assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
    assertThat(box.seal("hunter2-token")).isNotEqualTo(sealed);
    assertThat(box.open(sealed)).isEqualTo("hunter2-token");

    SecretBox other = SecretBox.ofBase64(SecretBox.newKey(), "other key");
    assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("cannot be decrypted");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length - 1] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("cannot be decrypted");
  }

  @Test
  void aMalformedKeyIsRefusedWithAMessageSayingWhatIsWrong() {
    assertThatThrownBy(() -> SecretBox.ofBase64("not base64 !!", "quargo.secrets.key"))
        .hasMessageContaining("quargo.secrets.key is not valid base64");
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> SecretBox.ofBase64(short16, "quargo.secrets.key"))
        .hasMessageContaining("decodes to 16 bytes")
        .hasMessageContaining("32 bytes");
  }

  @Test
  void aMissingKeyFileIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/secrets.key");
    String first = SecretKeys.readOrCreate(file);
    assertThat(Files.exists(file)).isTrue();
    assertThat(SecretKeys.readOrCreate(file)).isEqualTo(first);
    assertThat(Base64.getDecoder().decode(first)).hasSize(32);
  }
}
