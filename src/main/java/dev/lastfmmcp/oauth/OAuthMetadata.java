package dev.lastfmmcp.oauth;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two discovery documents: RFC 9728 protected-resource metadata (this server's {@code /mcp} is the resource)
 * and RFC 8414 authorization-server metadata (this server is its own authorization server; the issuer is the
 * public base URL, without a trailing slash). Both are computed from the public base URL on every request, so a
 * changed {@code PUBLIC_BASE_URL} or a listening port chosen at start is what they name.
 */
public class OAuthMetadata {

    /** Where the authorization server's endpoints live below the issuer. */
    public static final String AUTHORIZE_PATH = "/authorize";
    public static final String TOKEN_PATH = "/oauth/token";
    public static final String REGISTER_PATH = "/oauth/register";
    public static final String REVOKE_PATH = "/oauth/revoke";
    /** The path form of the protected-resource metadata for the {@code /mcp} resource. */
    public static final String PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource/mcp";

    static final List<String> AUTH_METHODS = List.of("none", "client_secret_post", "client_secret_basic");

    private final Supplier<String> base;
    private final String resourceName;
    private final ObjectMapper mapper;

    /**
     * @param base         the public base URL (no trailing slash)
     * @param resourceName the human-readable name of the resource (the server's title)
     */
    public OAuthMetadata(Supplier<String> base, String resourceName, ObjectMapper mapper) {
        this.base = base;
        this.resourceName = resourceName;
        this.mapper = mapper;
    }

    /** The issuer: the public base URL. */
    public String issuer() {
        return base.get();
    }

    /** The canonical URI of the protected resource, the audience of every token: {@code <base>/mcp}. */
    public String resource() {
        return base.get() + "/mcp";
    }

    /** Where a 401's {@code resource_metadata} points. */
    public String protectedResourceMetadataUrl() {
        return base.get() + PROTECTED_RESOURCE_PATH;
    }

    /** RFC 9728: the same document at {@code /.well-known/oauth-protected-resource} and at its {@code /mcp} form. */
    public String protectedResource() {
        String issuer = base.get();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("resource", issuer + "/mcp");
        doc.putArray("authorization_servers").add(issuer);
        Scopes.SUPPORTED.forEach(doc.putArray("scopes_supported")::add);
        doc.putArray("bearer_methods_supported").add("header");
        doc.put("resource_name", resourceName);
        doc.put("resource_documentation", issuer + "/");
        return doc.toString();
    }

    /** RFC 8414 authorization-server metadata. */
    public String authorizationServer() {
        String issuer = base.get();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + AUTHORIZE_PATH);
        doc.put("token_endpoint", issuer + TOKEN_PATH);
        doc.put("registration_endpoint", issuer + REGISTER_PATH);
        doc.put("revocation_endpoint", issuer + REVOKE_PATH);
        doc.putArray("response_types_supported").add("code");
        doc.putArray("response_modes_supported").add("query");
        doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        doc.putArray("code_challenge_methods_supported").add("S256");
        AUTH_METHODS.forEach(doc.putArray("token_endpoint_auth_methods_supported")::add);
        AUTH_METHODS.forEach(doc.putArray("revocation_endpoint_auth_methods_supported")::add);
        Scopes.SUPPORTED.forEach(doc.putArray("scopes_supported")::add);
        doc.put("client_id_metadata_document_supported", true);
        doc.put("authorization_response_iss_parameter_supported", true);
        doc.put("service_documentation", issuer + "/");
        return doc.toString();
    }
}
