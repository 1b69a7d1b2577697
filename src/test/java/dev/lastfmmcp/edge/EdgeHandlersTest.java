package dev.lastfmmcp.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.mcp.McpRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vert.x-level handlers on a bare Vert.x router (no CamelContext): gate, CORS, 404/405 fallbacks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeHandlersTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<McpRequest> audited = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;
    private StartupGate gate;
    private String base;

    @BeforeAll
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        EdgeReplies replies = new EdgeReplies(new JsonRpcCodec(mapper), Clock.systemUTC(), audited::add);
        EndpointMethods methods = EndpointMethods.builder().add("/mcp", "POST,DELETE").add("/mcp", "GET").build();
        gate = new StartupGate(replies);
        Router router = Router.router(vertx);
        router.route().order(-100).handler(gate);
        router.route().order(-90).handler(new Cors(new HttpGuard(List.of("https://app.example"), List.of(), true),
                () -> methods, replies, 600));
        router.route("/mcp").method(HttpMethod.POST).handler(ctx -> ctx.response().end("posted"));
        router.route().last().handler(new Fallbacks(() -> methods, replies));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @BeforeEach
    void openGate() {
        gate.open();
        audited.clear();
    }

    @AfterAll
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void beforeTheGateOpensEveryRequestIsA503WithRetryAfter() throws Exception {
        StartupGate closed = new StartupGate(new EdgeReplies(new JsonRpcCodec(mapper), Clock.systemUTC(),
                audited::add));
        Router router = Router.router(vertx);
        router.route().handler(closed);
        router.route().handler(ctx -> ctx.response().end("served"));
        HttpServer second = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String url = "http://127.0.0.1:" + second.actualPort() + "/mcp";
        try {
            HttpResponse<String> starting = send(HttpRequest.newBuilder(URI.create(url)).GET());
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(error(starting).path("message").asText()).contains("starting");

            // the OAuth endpoints' clients read an OAuth error (RFC 6749 §5.2), not JSON-RPC
            HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(url.replace("/mcp", "/oauth/token")))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")));
            assertThat(token.statusCode()).isEqualTo(503);
            assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = mapper.readTree(token.body());
            assertThat(body.path("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(body.path("error_description").asText()).contains("starting");
            assertThat(body.has("jsonrpc")).isFalse();

            closed.open();
            assertThat(send(HttpRequest.newBuilder(URI.create(url)).GET()).body()).isEqualTo("served");
        } finally {
            second.close();
        }
    }

    @Test
    void oauthEndpointsGetOAuthErrorBodies() {
        assertThat(EdgeReplies.isOAuthApi("/oauth/token")).isTrue();
        assertThat(EdgeReplies.isOAuthApi("/mcp")).isFalse();
        assertThat(EdgeReplies.isOAuthApi(null)).isFalse();
        assertThat(EdgeReplies.oauthError(new dev.lastfmmcp.jsonrpc.McpHttpException(500, -32603, "Internal error"))
                .path("error").asText()).isEqualTo("server_error");
        assertThat(EdgeReplies.oauthError(new dev.lastfmmcp.jsonrpc.McpHttpException(405, -32600, "Method Not Allowed"))
                .path("error").asText()).isEqualTo("invalid_request");
        assertThat(new HttpFailures(null, 100).describe(413)).contains("100 bytes");
    }

    @Test
    void anUnservedMethodIsA405ThatListsThePathsMethods() throws Exception {
        HttpResponse<String> response = send(request("/mcp").method("PUT", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, OPTIONS, POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(error(response).path("code").asInt()).isEqualTo(-32600);
        assertThat(audited).singleElement().satisfies(r -> assertThat(r.reply().getStatus()).isEqualTo(405));
    }

    @Test
    void anUnknownPathIsAJson404NamingTheMcpEndpoint() throws Exception {
        HttpResponse<String> response = send(request("/mcp/extra").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("message").asText()).contains("/mcp/extra").contains("/mcp");
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsTheMethodsAndMcpHeaders() throws Exception {
        HttpResponse<String> response = send(request("/mcp").header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "mcp-session-id, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("DELETE, GET, OPTIONS, POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID", "Authorization");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void aPreflightFromAForeignOriginIsForbiddenAndGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> response = send(request("/mcp").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(error(response).path("message").asText()).contains("https://evil.example");
    }

    @Test
    void anAllowedOriginCanReadTheSessionIdOfARealRequest() throws Exception {
        HttpResponse<String> response = send(request("/mcp").header("Origin", "http://localhost:6274")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.body()).isEqualTo("posted");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:6274");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Mcp-Session-Id");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
    }

    @Test
    void aPlainOptionsRequestListsTheMethodsWithoutCorsHeaders() throws Exception {
        HttpResponse<String> response = send(request("/mcp").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, OPTIONS, POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode error(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body()).path("error");
    }
}
