package dev.lastfmmcp.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable stand-in for a bearer credential (a session id, later sign-in ids and tokens) in audit records and
 * logs: the first 16 hex digits of its SHA-256. Enough to tie records of one session together, useless to replay.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** {@code null} for null, otherwise 16 lower-case hex digits. */
    public static String of(String credential) {
        if (credential == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
