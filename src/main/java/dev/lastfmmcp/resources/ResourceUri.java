package dev.lastfmmcp.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lastfmmcp.jsonrpc.JsonRpcException;

/**
 * A {@code resources/read} URI split the way the templates match it: the scheme (lower case), the raw path segments
 * after {@code scheme://} (still percent-encoded) and the raw query parameters in order. A fragment is not part of
 * what is read and is dropped (RFC 3986 §3.5).
 */
public record ResourceUri(String scheme, List<String> segments, List<Map.Entry<String, String>> query) {

    /** The longest URI read or subscribed to; longer ones are -32602 before anything echoes them. */
    public static final int MAX_LENGTH = 2048;

    /** -32602 when {@code uri} is longer than {@link #MAX_LENGTH} characters. */
    public static void checkLength(String uri) {
        if (uri.length() > MAX_LENGTH) {
            throw JsonRpcException.invalidParams(String.format(Locale.ROOT,
                    "The resource URI is %,d characters long; at most %,d are accepted", uri.length(), MAX_LENGTH));
        }
    }

    /** The parts of {@code uri}, or null when it is not of the form {@code scheme://path[?query]}. */
    public static ResourceUri parse(String uri) {
        int colon = uri.indexOf("://");
        if (colon <= 0 || !uri.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return null;
        }
        String rest = uri.substring(colon + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String path = rest;
        List<Map.Entry<String, String>> query = new ArrayList<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            path = rest.substring(0, question);
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                query.add(equals < 0 ? Map.entry(pair, "")
                        : Map.entry(pair.substring(0, equals), pair.substring(equals + 1)));
            }
        }
        return new ResourceUri(uri.substring(0, colon).toLowerCase(Locale.ROOT), List.of(path.split("/", -1)),
                List.copyOf(query));
    }
}
