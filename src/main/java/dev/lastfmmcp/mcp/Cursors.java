package dev.lastfmmcp.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.lastfmmcp.jsonrpc.JsonRpcException;

/**
 * Opaque, stable pagination cursors for the list methods. A cursor names an offset into one list (its name and a
 * fingerprint of its contents), so a cursor from another list, a changed catalogue or a forged value is -32602.
 */
public final class Cursors {

    private Cursors() {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static <T> Page<T> page(String listName, List<T> all, List<String> keys, String cursor, int pageSize) {
        String fingerprint = fingerprint(listName, keys);
        int offset = cursor == null ? 0 : decode(cursor, fingerprint, all.size());
        int end = Math.min(all.size(), offset + Math.max(1, pageSize));
        String next = end < all.size() ? encode(fingerprint, end) : null;
        return new Page<>(all.subList(offset, end), next);
    }

    static String encode(String fingerprint, int offset) {
        String raw = "v1:" + fingerprint + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor, String fingerprint, int size) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length == 3 && parts[0].equals("v1") && parts[1].equals(fingerprint)) {
                int offset = Integer.parseInt(parts[2]);
                if (offset > 0 && offset < size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw JsonRpcException.invalidParams("Invalid cursor: use the nextCursor of the previous page, "
                                             + "or leave cursor out for the first page");
    }

    private static String fingerprint(String listName, List<String> keys) {
        return Integer.toHexString((listName + "|" + String.join("|", keys)).hashCode());
    }
}
