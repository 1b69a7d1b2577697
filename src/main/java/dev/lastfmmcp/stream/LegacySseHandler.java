package dev.lastfmmcp.stream;

import java.util.Map;

import dev.lastfmmcp.edge.EdgeReplies;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.ProtocolVersions;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.SessionStore;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /sse}: the legacy HTTP+SSE transport of protocol 2024-11-05. Opens a session whose messages travel on
 * this stream; the first event, {@code endpoint}, tells the client where to POST ({@code /messages?sessionId=…}).
 * The session ends when the stream closes. Origin and Host rules apply as on {@code /mcp}.
 */
public class LegacySseHandler implements Handler<RoutingContext> {

    public static final String MESSAGES_PATH = "/messages";

    private final HttpGuard guard;
    private final SessionStore sessions;
    private final SessionStreams streams;
    private final EdgeReplies replies;

    public LegacySseHandler(HttpGuard guard, SessionStore sessions, SessionStreams streams, EdgeReplies replies) {
        this.guard = guard;
        this.sessions = sessions;
        this.streams = streams;
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        HttpServerResponse response = routing.response();
        McpRequest request = replies.begin(http, McpRequest.LEGACY_SSE);
        request.audit().setLabel("stream");
        try {
            guard.checkOrigin(http.getHeader("Origin"));
            guard.checkHost(http.getHeader("Host"));
            sessions.checkRoom(request.getClientAddress());
            Session session = sessions.create(ProtocolVersions.V2024_11_05, null, null, Map.of(),
                    request.getClientAddress());
            request.bind(session, ProtocolVersions.V2024_11_05);
            SseConnection connection = SseConnection.open(response, McpHttp.CORRELATION_HEADER,
                    request.getCorrelationId());
            connection.write("event: endpoint\ndata: " + MESSAGES_PATH + "?sessionId=" + session.id() + "\n\n");
            SessionChannel channel = streams.channel(session.id());
            connection.onClose(() -> {
                channel.detach(connection);
                sessions.delete(session.id());
            });
            channel.attach(connection, null);
            replies.finish(request);
        } catch (McpHttpException rejection) {
            replies.reject(response, request, rejection);
        }
    }
}
