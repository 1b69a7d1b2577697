package dev.lastfmmcp.web;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.oauth.ClientRegistry;
import dev.lastfmmcp.oauth.OAuthError;
import dev.lastfmmcp.oauth.RegistrationLimiter;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The HTTP side of the OAuth endpoints (routes in {@code oauth.camel.yaml}): each method turns a request into a
 * {@link WebPage} (JSON, {@code no-store}) that {@code direct:web-page} writes; the OAuth rules are in
 * {@code dev.lastfmmcp.oauth}. Refusals are RFC 6749 / RFC 7591 error bodies.
 */
public class OAuthEndpoints {

    private final ClientRegistry clients;
    private final RegistrationLimiter limiter;
    private final ObjectMapper mapper;

    public OAuthEndpoints(ClientRegistry clients, RegistrationLimiter limiter, ObjectMapper mapper) {
        this.clients = clients;
        this.limiter = limiter;
        this.mapper = mapper;
    }

    /** POST /oauth/register (RFC 7591): 201 with the client id (and a secret for a confidential client). */
    public WebPage register(@Body Object body, @Header(Exchange.CONTENT_TYPE) String contentType, Exchange exchange) {
        try {
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                throw OAuthError.invalidRequest("send the client metadata as Content-Type: application/json");
            }
            ClientRegistry.Request registration = clients.check(text(body));
            // only well-formed registrations count against the address's budget; refusals store nothing anyway
            limiter.acquire(clientAddress(exchange));
            return json(201, clients.store(registration));
        } catch (OAuthError refusal) {
            WebPage page = error(refusal);
            return refusal.status() == 429
                    ? page.withHeader("Retry-After", Long.toString(limiter.window().toSeconds())) : page;
        }
    }

    WebPage error(OAuthError refusal) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", refusal.error());
        body.put("error_description", refusal.getMessage());
        return json(refusal.status(), body.toString());
    }

    private static WebPage json(int status, String body) {
        return WebPage.json(status, body).withHeader("Pragma", "no-cache");
    }

    private static String text(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
    }

    private static String clientAddress(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        return http == null ? null : McpHttp.clientAddress(http.getRequest().remoteAddress());
    }
}
