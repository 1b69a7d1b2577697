package dev.lastfmmcp.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.ProtocolVersions;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.support.ClusterView;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/** The two tools that need no upstream: {@code ping} and {@code server_info}. */
public class ServerTools {

    private final ServerIdentity identity;
    private final UpstreamSettings upstreams;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<ClusterView> cluster;

    /** @param cluster this node's view of the cluster (a single node when {@code MCP_CLUSTER} is off) */
    public ServerTools(ServerIdentity identity, UpstreamSettings upstreams, Clock clock, Instant startedAt,
                       Supplier<ClusterView> cluster) {
        this.identity = identity;
        this.upstreams = upstreams;
        this.clock = clock;
        this.startedAt = startedAt;
        this.cluster = cluster;
    }

    public McpSchema.CallToolResult ping(@Variable("args") Map<String, Object> args) {
        Object message = args.get("message");
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("reply", "pong");
        if (message != null) {
            structured.put("message", message.toString());
        }
        structured.put("serverTime", clock.instant().toString());
        String text = message == null ? "pong" : "pong: " + message;
        return ToolResults.ok(text, structured);
    }

    public McpSchema.CallToolResult serverInfo(@Variable("mcp") McpRequest request) {
        Instant now = clock.instant();
        long uptime = Duration.between(startedAt, now).toSeconds();
        String negotiated = request.getProtocolVersion();

        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("supported", ProtocolVersions.SUPPORTED);
        protocol.put("latest", ProtocolVersions.LATEST);
        if (negotiated != null) {
            protocol.put("negotiated", negotiated);
        }
        Map<String, Object> lastfm = new LinkedHashMap<>();
        lastfm.put("configured", upstreams.lastfmApiKeyConfigured());
        lastfm.put("apiUrl", upstreams.lastfmApiUrl());
        lastfm.put("signingConfigured", upstreams.lastfmSharedSecretConfigured());
        Map<String, Object> musicbrainz = new LinkedHashMap<>();
        musicbrainz.put("enabled", upstreams.musicbrainzEnabled());
        musicbrainz.put("apiUrl", upstreams.musicbrainzApiUrl());

        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("name", identity.name());
        structured.put("title", identity.title());
        structured.put("version", identity.version());
        structured.put("protocol", protocol);
        structured.put("transport", request.getTransport());
        structured.put("startedAt", startedAt.toString());
        structured.put("uptimeSeconds", uptime);
        structured.put("upstreams", Map.of("lastfm", lastfm, "musicbrainz", musicbrainz));
        ClusterView view = cluster.get();
        structured.put("cluster", view.toMap());
        boolean signIn = upstreams.lastfmApiKeyConfigured() && upstreams.lastfmSharedSecretConfigured();
        structured.put("signIn", Map.of("configured", signIn, "methods", signIn ? List.of("session-url")
                : List.of()));

        StringBuilder text = new StringBuilder();
        text.append("## ").append(identity.title()).append(' ').append(identity.version()).append("\n\n");
        text.append("- Protocol: ").append(negotiated == null ? "not negotiated" : negotiated + " (negotiated)")
                .append("; supported ").append(String.join(", ", ProtocolVersions.SUPPORTED)).append('\n');
        text.append("- Uptime: ").append(Markdown.duration(uptime)).append(" (since ").append(startedAt)
                .append(")\n");
        text.append("- Last.fm: ").append(upstreams.lastfmApiKeyConfigured()
                ? "API key configured" : "no API key configured (set LASTFM_API_KEY)")
                .append(", ").append(upstreams.lastfmApiUrl()).append('\n');
        text.append("- Sign-in with Last.fm: ").append(signIn
                ? "configured (web sign-in at /login gives a personal MCP URL)"
                : "not configured (needs LASTFM_API_KEY and LASTFM_SHARED_SECRET)").append('\n');
        text.append("- Cluster: ").append(view.clustered() ? Markdown.escape(view.describe())
                : "not clustered (one node; MCP_CLUSTER=true joins others)").append('\n');
        text.append("- MusicBrainz enrichment: ").append(upstreams.musicbrainzEnabled() ? "on" : "off")
                .append(", ").append(upstreams.musicbrainzApiUrl()).append('\n');
        List<String> next = new ArrayList<>();
        next.add("lastfm_auth_status()");
        next.add("get_global_top_artists(limit=10)");
        next.add("ping(message=\"hello\")");
        text.append(Markdown.nextSteps(next));
        return ToolResults.ok(text.toString(), structured);
    }
}
