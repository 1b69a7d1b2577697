package dev.lastfmmcp.lastfm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * URL-encodes parameters for the query string (or form body): every value is encoded as a whole with UTF-8, so
 * "Simon &amp; Garfunkel", "AC/DC", "Florence + the Machine", "Sigur Rós" and "坂本龍一" arrive intact.
 */
public final class LastfmQuery {

    private LastfmQuery() {
    }

    public static String encode(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                                                  + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
