package dev.lastfmmcp.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of credentials and keys, in hex. {@link #of} is the short, stable stand-in for a bearer credential (a
 * session id, a sign-in id, a token) in audit records and logs: the first 16 hex digits, enough to tie records
 * together, useless to replay. {@link #sha256} is the whole digest, for store keys that must not hold the credential.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** {@code null} for null, otherwise 16 lower-case hex digits. */
    public static String of(String credential) {
        return credential == null ? null : sha256(credential).substring(0, 16);
    }

    /** The SHA-256 of the UTF-8 bytes of {@code value}, 64 lower-case hex digits. */
    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code bytes}, 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
