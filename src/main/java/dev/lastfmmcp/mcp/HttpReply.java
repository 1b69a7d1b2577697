package dev.lastfmmcp.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.http.HttpServerResponse;

/**
 * The HTTP reply of one MCP exchange as the routes build it: the reply mode the client accepts, status, headers,
 * body and content type, or the open event stream it is written on instead.
 */
public class HttpReply {

    private ReplyMode mode = ReplyMode.JSON;
    private boolean acceptsEventStream;
    private int status = 200;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** A String or the UTF-8 bytes of one (JSON replies are written straight to bytes). */
    private Object body;
    private String contentType;
    private HttpServerResponse httpResponse;
    private ReplyStream postStream;
    private boolean rateLimited;

    public ReplyMode getMode() {
        return mode;
    }

    public void setMode(ReplyMode mode) {
        this.mode = mode;
    }

    public boolean isAcceptsEventStream() {
        return acceptsEventStream;
    }

    public void setAcceptsEventStream(boolean acceptsEventStream) {
        this.acceptsEventStream = acceptsEventStream;
    }

    /** A lone request over its rate limit: the reply is a 429 with these headers (Retry-After, RateLimit...). */
    public void rateLimited(Map<String, String> limitHeaders) {
        rateLimited = true;
        headers.putAll(limitHeaders);
    }

    public boolean isRateLimited() {
        return rateLimited;
    }

    public int getStatus() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void putHeader(String name, String value) {
        headers.put(name, value);
    }

    /** The body as text (null when there is none). */
    public String getBody() {
        return body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : (String) body;
    }

    /** The body as it is written: a String or UTF-8 bytes. */
    Object getPayload() {
        return body;
    }

    public String getContentType() {
        return contentType;
    }

    public void setBody(String contentType, String body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** A body already encoded as UTF-8. */
    public void setBody(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** The Vert.x response of this exchange, for replies written as a stream. */
    public HttpServerResponse getHttpResponse() {
        return httpResponse;
    }

    public void setHttpResponse(HttpServerResponse httpResponse) {
        this.httpResponse = httpResponse;
    }

    /** The open event-stream reply of this POST, or null when it is answered with one document. */
    public ReplyStream getPostStream() {
        return postStream;
    }

    void setPostStream(ReplyStream postStream) {
        this.postStream = postStream;
    }
}
