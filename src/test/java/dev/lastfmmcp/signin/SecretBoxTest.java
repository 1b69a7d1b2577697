package dev.lastfmmcp.signin;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealsWithAFreshNonceAndOpensForTheSameOwnerOnly() {
        SecretBox box = new SecretBox(key(1), List.of());
        String a = box.seal("d580d57f32848f5dcf574d1ce18d78b2", "id-1");
        String b = box.seal("d580d57f32848f5dcf574d1ce18d78b2", "id-1");
        assertThat(a).isNotEqualTo(b).startsWith("v1." + box.activeKeyId() + ".").doesNotContain("d580d57f");
        assertThat(box.open(a, "id-1")).isEqualTo(new SecretBox.Opened("d580d57f32848f5dcf574d1ce18d78b2", false));
        assertThatThrownBy(() -> box.open(a, "id-2")).isInstanceOf(SecretBox.SealedValueException.class);
        assertThat(box.open(a, "id-1").toString()).doesNotContain("d580d57f");
    }

    @Test
    void aTamperedValueIsRefused() {
        SecretBox box = new SecretBox(key(1), List.of());
        String sealed = box.seal("secret", "owner");
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[3]);
        body[0] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "."
                          + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        assertThatThrownBy(() -> box.open(tampered, "owner")).isInstanceOf(SecretBox.SealedValueException.class)
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> box.open("garbage", "owner")).isInstanceOf(SecretBox.SealedValueException.class);
        assertThatThrownBy(() -> box.open("v1." + parts[1] + ".!!.??", "owner"))
                .isInstanceOf(SecretBox.SealedValueException.class);
    }

    @Test
    void rotationKeepsOldValuesReadableAndMarksThemStale() {
        SecretBox old = new SecretBox(key(1), List.of());
        String sealed = old.seal("secret", "owner");
        SecretBox rotated = new SecretBox(key(2), List.of(key(1)));
        assertThat(rotated.open(sealed, "owner")).isEqualTo(new SecretBox.Opened("secret", true));
        assertThat(rotated.open(rotated.seal("secret", "owner"), "owner").stale()).isFalse();
        SecretBox withoutOld = new SecretBox(key(2), List.of());
        assertThatThrownBy(() -> withoutOld.open(sealed, "owner")).hasMessageContaining(old.activeKeyId());
        assertThat(rotated.toString()).contains(rotated.activeKeyId()).doesNotContain(
                Base64.getEncoder().encodeToString(key(2)));
    }

    @Test
    void keysMustBe32Bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], List.of())).hasMessageContaining("32 bytes");
    }
}
