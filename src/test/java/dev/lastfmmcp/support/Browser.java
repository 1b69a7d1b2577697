package dev.lastfmmcp.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser for the sign-in and OAuth pages: follows no redirect (the test follows them) and keeps a cookie jar,
 * name -> value as the Set-Cookie replies leave it (Max-Age=0 deletes). A request that names its own Cookie header
 * is sent with that one only.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> jar = new LinkedHashMap<>();

    /** Forgets every cookie (a new browser). */
    public void clear() {
        jar.clear();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
            if (!jar.isEmpty() && request.headers().firstValue("Cookie").isEmpty()) {
                withCookies.header("Cookie", String.join("; ", jar.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String[] pair = cookie.split(";")[0].split("=", 2);
                if (cookie.contains("Max-Age=0")) {
                    jar.remove(pair[0]);
                } else {
                    jar.put(pair[0], pair[1]);
                }
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
