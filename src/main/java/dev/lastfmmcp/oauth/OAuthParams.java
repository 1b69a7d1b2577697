package dev.lastfmmcp.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query and form parameters of the OAuth endpoints: a parameter sent twice, or one that cannot be decoded, is an
 * {@code invalid_request} (RFC 6749 §3.1); a value longer than {@value #MAX_VALUE} characters too.
 */
public final class OAuthParams {

    /** The longest parameter value taken. */
    public static final int MAX_VALUE = 4096;

    private OAuthParams() {
    }

    public static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                throw OAuthError.invalidRequest("a parameter cannot be decoded");
            }
            if (value.length() > MAX_VALUE) {
                throw OAuthError.invalidRequest("the parameter " + safe(name) + " is too long");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("the parameter " + safe(name) + " is sent more than once");
            }
        }
        return fields;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A parameter name fit to repeat in an error description: at most 40 characters, odd ones as {@code ?}. */
    public static String safe(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) : name;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
