package dev.lastfmmcp.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * An answer of the browser-facing pages (sign-in, sign-out): status, body, content type and extra headers
 * ({@code Location}, {@code Set-Cookie}). Every page is {@code Cache-Control: no-store} and
 * {@code Referrer-Policy: no-referrer}: they may show a personal URL, which must not be cached or leak in a Referer.
 */
public record WebPage(int status, String contentType, String body, Map<String, String> headers) {

    public static WebPage html(int status, String html) {
        return new WebPage(status, "text/html; charset=utf-8", html, Map.of());
    }

    public static WebPage json(int status, String json) {
        return new WebPage(status, "application/json", json, Map.of());
    }

    public static WebPage redirect(String location) {
        return new WebPage(302, "text/html; charset=utf-8", "", Map.of("Location", location));
    }

    public WebPage withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new WebPage(status, contentType, body, all);
    }

    /** Writes this page as the exchange's HTTP reply (request headers are dropped, so none is echoed). */
    public void writeTo(Exchange exchange) {
        writeTo(exchange, null);
    }

    /**
     * As {@link #writeTo(Exchange)}; {@code response} is the Vert.x response when the exchange's message is no longer
     * the HTTP one (after an upstream call).
     */
    public void writeTo(Exchange exchange, HttpServerResponse response) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Referrer-Policy", "no-referrer");
        // Camel's HTTP header filter drops Cache-Control from replies: it goes on the Vert.x response itself
        HttpMessage http = exchange.getIn(HttpMessage.class);
        HttpServerResponse vertx = http != null ? http.getResponse() : response;
        if (vertx != null) {
            vertx.putHeader("Cache-Control", "no-store");
        }
        message.setHeader("X-Content-Type-Options", "nosniff");
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
