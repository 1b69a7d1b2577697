package dev.lastfmmcp.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of credentials and keys, in hex. {@link #of} is the short, stable stand-in for a bearer credential (a
 * session id, a sign-in id, a token) in audit records and logs: the first 16 hex digits, enough to tie records
 * together, useless to replay. {@link #sha256} is the whole digest, for store keys that must not hold the credential;
 * {@link #same} compares secrets in constant time.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** {@code null} for null, otherwise 16 lower-case hex digits. */
    public static String of(String credential) {
        return credential == null ? null : sha256(credential).substring(0, 16);
    }

    /**
     * Whether a secret a client presented equals the expected one, compared in a time that does not depend on where
     * they differ (a PKCE challenge, a code's client, a transaction against its cookie, a sign-in state). False when
     * either is null.
     */
    public static boolean same(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
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
