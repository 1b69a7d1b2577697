package dev.lastfmmcp.support;

import java.time.Duration;

import dev.lastfmmcp.edge.HttpServerCheck;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;

/**
 * Base for tests that boot the real application with {@code @CamelMainTest} (PER_CLASS: one boot per class). The
 * context is started before each test method, so clients are created lazily.
 */
public abstract class AppTestSupport {

    @BeanInject
    protected CamelContext context;

    private RawMcp mcp;
    private String session;

    protected RawMcp mcp() {
        if (mcp == null) {
            mcp = RawMcp.of(context);
        }
        return mcp;
    }

    /** A session initialized at the latest protocol version, shared by the class's tests. */
    protected String session() {
        if (session == null) {
            session = mcp().initialize("2025-11-25");
        }
        return session;
    }

    /** An MCP Java SDK client for this server's {@code /mcp} (Streamable HTTP), for the test to finish and build. */
    protected McpClient.SyncSpec sdkClient(Duration requestTimeout) {
        return sdkClient(requestTimeout, "/mcp");
    }

    /** The same on another MCP path, such as a personal {@code /mcp?session_id=} URL. */
    protected McpClient.SyncSpec sdkClient(Duration requestTimeout, String endpoint) {
        return McpClient.sync(HttpClientStreamableHttpTransport
                        .builder("http://127.0.0.1:" + HttpServerCheck.listeningPort(context)).endpoint(endpoint).build())
                .requestTimeout(requestTimeout);
    }
}
