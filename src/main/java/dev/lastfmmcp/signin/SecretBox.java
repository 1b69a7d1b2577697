package dev.lastfmmcp.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.support.Fingerprint;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest (Last.fm session keys): AES-256-GCM from the JDK, a fresh random 96-bit nonce per value and the
 * owner of the value (the sign-in id) as associated data, so a value moved to another record does not decrypt. A
 * stored value is {@code v1.<key id>.<nonce>.<ciphertext+tag>} (base64url); the key id is the first 8 hex digits of
 * the key's SHA-256, so logs and records can name a key without showing it. The first key encrypts; the others (the
 * previous key during a rotation) only decrypt, and {@link Opened#stale()} says when a value should be re-encrypted.
 * A per-record data key (envelope) would only pay off with a KMS holding the master key; see the README.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String activeId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A plaintext and whether it was encrypted under a key other than the active one. */
    public record Opened(String plaintext, boolean stale) {
        @Override
        public String toString() {
            return "Opened[stale=" + stale + "]";
        }
    }

    /** Thrown for a value that was tampered with, belongs to another owner, or was made under an unknown key. */
    public static final class SealedValueException extends RuntimeException {
        SealedValueException(String message) {
            super(message);
        }
    }

    /**
     * @param active   the key that encrypts (32 bytes)
     * @param previous keys that still decrypt (32 bytes each)
     */
    public SecretBox(byte[] active, List<byte[]> previous) {
        activeId = add(active);
        previous.forEach(this::add);
    }

    private String add(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("an encryption key must be 32 bytes (AES-256), this one is "
                                               + (key == null ? "missing" : key.length + " bytes"));
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The public name of a key: 8 hex digits of its SHA-256. */
    public static String keyId(byte[] key) {
        return Fingerprint.sha256(key).substring(0, 8);
    }

    public String activeKeyId() {
        return activeId;
    }

    public String seal(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(activeId, owner));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + "." + activeId + "." + B64.encodeToString(nonce) + "." + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public Opened open(String value, String owner) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new SealedValueException("not a sealed value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new SealedValueException("sealed under key " + parts[1] + ", which this server does not have");
        }
        try {
            byte[] nonce = B64D.decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(parts[1], owner));
            String plaintext = new String(cipher.doFinal(B64D.decode(parts[3])), StandardCharsets.UTF_8);
            return new Opened(plaintext, !activeId.equals(parts[1]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SealedValueException("the sealed value does not verify (tampered with, or another owner's)");
        }
    }

    private static byte[] aad(String keyId, String owner) {
        return ("lastfm-mcp|" + VERSION + "|" + keyId + "|" + owner).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretBox[active=" + activeId + ", keys=" + keys.keySet() + "]";
    }
}
