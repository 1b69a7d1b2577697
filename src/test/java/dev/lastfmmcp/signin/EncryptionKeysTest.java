package dev.lastfmmcp.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeysTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheDataDirectoryForTheOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        SecretBox first = EncryptionKeys.load("", "", data);
        Path file = data.resolve(EncryptionKeys.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox second = EncryptionKeys.load(null, null, data);
        assertThat(second.activeKeyId()).isEqualTo(first.activeKeyId());
        assertThat(second.open(first.seal("sk", "id"), "id").plaintext()).isEqualTo("sk");
    }

    @Test
    void aConfiguredKeyWinsAndPreviousKeysStillDecrypt() {
        String oldKey = Base64.getEncoder().encodeToString(SecretBoxTest.key(7));
        String newKey = Base64.getEncoder().encodeToString(SecretBoxTest.key(8));
        String sealed = EncryptionKeys.load(oldKey, "", dir).seal("sk", "id");
        SecretBox rotated = EncryptionKeys.load(newKey, " " + oldKey + " ,", dir);
        assertThat(rotated.activeKeyId()).isEqualTo(SecretBox.keyId(SecretBoxTest.key(8)));
        assertThat(rotated.open(sealed, "id")).isEqualTo(new SecretBox.Opened("sk", true));
        assertThat(Files.exists(dir.resolve(EncryptionKeys.KEY_FILE))).isFalse();
    }

    @Test
    void aBadKeyFailsWithWhatToDoAndWithoutTheValue() {
        assertThatThrownBy(() -> EncryptionKeys.load("not base64 at all!", "", dir))
                .hasMessageContaining("MCP_ENCRYPTION_KEY is not base64").hasMessageContaining("openssl rand")
                .hasMessageNotContaining("not base64 at all!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> EncryptionKeys.load(short16, "", dir)).hasMessageContaining("32 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> EncryptionKeys.load(Base64.getEncoder().encodeToString(new byte[32]), short16,
                dir)).hasMessageContaining("MCP_ENCRYPTION_KEY_PREVIOUS");
    }
}
