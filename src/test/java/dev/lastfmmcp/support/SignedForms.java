package dev.lastfmmcp.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Last.fm write requests as the stand-in sees them: form bodies checked against the documented signature rule
 * (every parameter but api_sig, format and callback, sorted by name in byte order, name+value, the shared secret,
 * MD5), computed here independently of the server's signer.
 */
public final class SignedForms {

    private SignedForms() {
    }

    /** The form body's parameters in the order sent (repeated names keep their last value). */
    public static Map<String, String> parse(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    public static String signature(Map<String, String> params, String secret) {
        List<String> names = new ArrayList<>(params.keySet());
        names.removeIf(n -> n.equals("api_sig") || n.equals("format") || n.equals("callback"));
        names.sort((a, b) -> compareBytes(a, b));
        StringBuilder base = new StringBuilder();
        for (String name : names) {
            base.append(name).append(params.get(name));
        }
        base.append(secret);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(base.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a request is a form POST of {@code method}, signed with the test secret, carrying session key {@code sk}. */
    public static boolean signedWrite(Request request, String method, String sk) {
        if (!request.getMethod().getName().equals("POST")
            || !request.header("Content-Type").firstValue().startsWith("application/x-www-form-urlencoded")
            || request.getUrl().contains("?")) {
            return false;
        }
        Map<String, String> params = parse(request.getBodyAsString());
        return method.equals(params.get("method")) && sk.equals(params.get("sk"))
               && WireMockUpstreams.API_KEY.equals(params.get("api_key")) && "json".equals(params.get("format"))
               && signature(params, WireMockUpstreams.SHARED_SECRET).equals(params.get("api_sig"));
    }

    /** A stub that answers only a correctly signed form POST of {@code method} with session key {@code sk}. */
    public static MappingBuilder write(String method, String sk) {
        return post(urlPathEqualTo("/2.0/")).atPriority(1)
                .andMatching(request -> MatchResult.of(signedWrite(request, method, sk)));
    }

    /**
     * A stub that answers only a correctly signed form POST of {@code method} with session key {@code sk} whose body
     * carries every one of {@code expected} (name, value), so a stand-in can answer exactly what was posted.
     */
    public static MappingBuilder write(String method, String sk, Map<String, String> expected) {
        return post(urlPathEqualTo("/2.0/")).atPriority(1)
                .andMatching(request -> MatchResult.of(signedWrite(request, method, sk)
                        && parse(request.getBodyAsString()).entrySet().containsAll(expected.entrySet())));
    }

    /** Any other POST: Last.fm's answer to a bad signature (a test that reaches it fails on the error). */
    public static MappingBuilder anyOtherPost() {
        return post(urlPathEqualTo("/2.0/")).atPriority(10).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":13,\"message\":\"Invalid method signature supplied\"}"));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.trim().startsWith("{") || body.trim().startsWith("<") ? body : Fixtures.lastfm(body));
    }
}
