package dev.lastfmmcp.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the OAuth flow as a browser and a client take them, for the OAuth route tests: registration,
 * /authorize, the consent form, Last.fm's page (its {@code cb} followed with a token the WireMock stand-in knows),
 * the callback's redirect, and the token endpoint.
 */
public final class OAuthSteps {

    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public static final String REDIRECT = "http://127.0.0.1:43117/callback";
    private static final Pattern TXN = Pattern.compile("name=\"txn\" value=\"([A-Za-z0-9_-]+)\"");

    private final Browser browser;
    private final Supplier<String> base;

    public OAuthSteps(Browser browser, Supplier<String> base) {
        this.browser = browser;
        this.base = base;
    }

    public String base() {
        return base.get();
    }

    public HttpResponse<String> send(HttpRequest request) {
        return browser.send(request);
    }

    public HttpResponse<String> browse(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A form POST to {@code path}; {@code headers} are name, value pairs. */
    public HttpResponse<String> form(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** POST /oauth/register with {@code metadata}: the 201 answer. */
    public JsonNode register(String metadata) {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(base() + "/oauth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(metadata))
                .build());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        return read(reply.body());
    }

    public String authorizeUrl(String clientId, String redirect, String scope) {
        return base() + "/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
               + enc(redirect) + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256&state=xyz"
               + "&scope=" + enc(scope) + "&resource=" + enc(base() + "/mcp");
    }

    /** The transaction id in a consent page. */
    public static String txn(HttpResponse<String> consent) {
        Matcher txn = TXN.matcher(consent.body());
        assertThat(txn.find()).as(consent.body()).isTrue();
        return txn.group(1);
    }

    /** Consent given on {@code consent}, then Last.fm's page followed back with {@code lastfmToken}: the 302. */
    public HttpResponse<String> allowAndReturn(HttpResponse<String> consent, String lastfmToken) {
        HttpResponse<String> toLastfm = form("/authorize", "txn=" + txn(consent) + "&decision=allow");
        assertThat(toLastfm.statusCode()).isEqualTo(302);
        String callback = query(toLastfm.headers().firstValue("Location").orElseThrow()).get("cb");
        assertThat(callback).startsWith(base() + "/lastfm-callback?txn=");
        return browse(callback + "&token=" + lastfmToken);
    }

    /** The whole browser leg: the code the client's redirect URI receives. */
    public String code(String clientId, String redirect, String lastfmToken) {
        HttpResponse<String> consent = browse(authorizeUrl(clientId, redirect, "lastfm:read"));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        HttpResponse<String> back = allowAndReturn(consent, lastfmToken);
        assertThat(back.statusCode()).isEqualTo(302);
        Map<String, String> answer = query(back.headers().firstValue("Location").orElseThrow());
        assertThat(answer).containsKey("code");
        return answer.get("code");
    }

    /** POST /oauth/token: the status expected, no-store, the JSON answer. */
    public JsonNode token(String body, int expectedStatus, String... headers) {
        HttpResponse<String> reply = form("/oauth/token", body, headers);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(expectedStatus);
        assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
        return read(reply.body());
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(String location) {
        Map<String, String> fields = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return fields;
    }

    public static JsonNode read(String json) {
        try {
            return RawMcp.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
