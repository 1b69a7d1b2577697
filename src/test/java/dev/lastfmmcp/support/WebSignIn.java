package dev.lastfmmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser sign-in against a running server whose Last.fm is a stand-in that accepts {@code token}: {@code /login},
 * then Last.fm's callback with the token and the sign-in cookie; the personal MCP URL's session id on the page.
 */
public final class WebSignIn {

    private static final Pattern CALLBACK = Pattern.compile("[?&]cb=([^&]+)");
    private static final Pattern PERSONAL_URL = Pattern.compile("/mcp\\?session_id=([A-Za-z0-9_-]+)");

    private WebSignIn() {
    }

    /** The {@code session_id} of the personal MCP URL a completed sign-in shows. */
    public static String personalSessionId(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher cb = CALLBACK.matcher(login.headers().firstValue("Location").orElseThrow());
        assertThat(cb.find()).isTrue();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
                        URLDecoder.decode(cb.group(1), StandardCharsets.UTF_8) + "&token=" + token))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher personal = PERSONAL_URL.matcher(page.body());
        assertThat(personal.find()).as(page.body()).isTrue();
        return personal.group(1);
    }
}
