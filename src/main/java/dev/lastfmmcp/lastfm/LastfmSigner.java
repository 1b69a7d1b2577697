package dev.lastfmmcp.lastfm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code api_sig} exactly as Last.fm computes it: every parameter sent except {@code format}, {@code callback} and
 * {@code api_sig}, sorted by name (byte order), concatenated as name+value (not URL-encoded, UTF-8), followed by the
 * shared secret, MD5, 32 lower-case hex digits.
 */
public final class LastfmSigner {

    private LastfmSigner() {
    }

    public static String sign(Map<String, String> params, String sharedSecret) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("format");
        sorted.remove("callback");
        sorted.remove("api_sig");
        StringBuilder base = new StringBuilder();
        sorted.forEach((name, value) -> base.append(name).append(value));
        base.append(sharedSecret);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(base.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
