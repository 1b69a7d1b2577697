package dev.lastfmmcp.stream;

import dev.lastfmmcp.edge.EdgeReplies;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.mcp.Lifecycle;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.ProtocolVersions;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.SessionBinding;
import dev.lastfmmcp.mcp.SseFormat;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /mcp}: opens the session's server-to-client stream on the Vert.x event loop (no worker thread waits on
 * it). Same checks as a POST (origin, host, session, protocol version, Accept), then a priming event, a replay of what
 * came after {@code Last-Event-ID}, and server-initiated messages from then on. Every GET is audited.
 */
public class GetStreamHandler implements Handler<RoutingContext> {

    private final HttpGuard guard;
    private final SessionBinding sessions;
    private final SessionStreams streams;
    private final EdgeReplies replies;
    private final long retryMillis;

    public GetStreamHandler(HttpGuard guard, SessionBinding sessions, SessionStreams streams, EdgeReplies replies,
                            long retryMillis) {
        this.guard = guard;
        this.sessions = sessions;
        this.streams = streams;
        this.replies = replies;
        this.retryMillis = retryMillis;
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        McpRequest request = replies.begin(http);
        request.audit().setLabel("stream");
        HttpServerResponse response = routing.response();
        try {
            guard.checkOrigin(http.getHeader("Origin"));
            guard.checkHost(http.getHeader("Host"));
            if (!HttpGuard.acceptsEventStream(http.getHeader("Accept"))) {
                throw new McpHttpException(406, JsonRpcErrors.INVALID_REQUEST,
                        "Not Acceptable: GET /mcp opens an event stream; send Accept: text/event-stream");
            }
            String sessionId = http.getHeader(Lifecycle.SESSION_HEADER);
            sessions.identify(request, routing.queryParams().get(SessionBinding.SIGN_IN_PARAMETER),
                    http.getHeader("Authorization"));
            sessions.bindStream(request, sessionId, http.getHeader(McpHttp.VERSION_HEADER));

            SseConnection connection = SseConnection.open(response, McpHttp.CORRELATION_HEADER,
                    request.getCorrelationId());
            connection.write("retry: " + retryMillis + "\n" + SseFormat.comment("stream open"));
            SessionChannel channel = streams.channel(sessionId);
            connection.onClose(() -> channel.detach(connection));
            channel.attach(connection, http.getHeader("Last-Event-ID"));
            replies.finish(request);
        } catch (McpHttpException rejection) {
            replies.reject(response, request, rejection);
        }
    }
}
