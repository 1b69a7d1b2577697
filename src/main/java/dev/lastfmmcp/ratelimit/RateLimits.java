package dev.lastfmmcp.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;

/**
 * Per-identity request limits (Bucket4j token buckets, two bandwidths each: per minute and per hour). A counted
 * request ({@code tools/call}, {@code resources/read}, {@code completion/complete}, {@code prompts/get}) spends one
 * token from every identity it has: the signed-in Last.fm user, the credential it came with (the sign-in, later an
 * OAuth client), or, anonymous, the client address ({@code X-Forwarded-For} only from a trusted proxy). Over a limit
 * the request is a JSON-RPC error -32000 that says which limit and when to retry, and a lone request's HTTP reply is
 * 429 with {@code Retry-After} and {@code RateLimit-Policy}/{@code RateLimit} headers (the draft IETF fields). At 80 %
 * of a window a tool result carries a short notice. Buckets live in a {@link BucketStore}: in memory on one node (a
 * bounded cache, idle ones go), in a replicated cache in a cluster ({@link InfinispanBuckets}: one limit for all
 * nodes).
 */
public class RateLimits {

    /** The methods a limit counts; initialize, lists, ping, notifications and responses are free. */
    static final Set<String> COUNTED = Set.of("tools/call", "resources/read", "completion/complete", "prompts/get");
    /** JSON-RPC code of a refusal (the implementation range; 2026-07-28 reserves -32020 and below). */
    public static final int RATE_LIMITED = -32000;
    public static final String NOTICE_VARIABLE = "rateNotice";

    /**
     * @param trustedProxies client addresses whose X-Forwarded-For is believed
     * @param exemptLoopback anonymous requests from this machine itself (a loopback socket that is not a trusted
     *                       proxy) are not limited by address: local clients, benchmarks, health probes; signed-in
     *                       users are limited wherever they come from
     */
    public record Settings(long perMinute, long perHour, List<String> trustedProxies, long maxIdentities,
            boolean exemptLoopback) {
    }

    /** One identity a request spends from: what it is, shown how, and its bucket key. */
    record Identity(String scope, String shown, String key) {
    }

    private final Settings settings;
    private final BucketStore buckets;
    private final BucketConfiguration configuration;

    /** Buckets in memory on this node. */
    public RateLimits(Settings settings) {
        this(settings, BucketStore.local(settings.maxIdentities()));
    }

    public RateLimits(Settings settings, BucketStore buckets) {
        this.settings = settings;
        this.buckets = buckets;
        this.configuration = enabled() ? configuration(settings) : null;
    }

    public boolean enabled() {
        return settings.perMinute() > 0 || settings.perHour() > 0;
    }

    /**
     * Spends one token of each identity for a counted request; over a limit, the tokens already taken go back and
     * the request is refused ({@link JsonRpcException} -32000; the reply of a lone request becomes a 429).
     */
    public void spend(@Variable("call") McpCall call, @Variable("mcp") McpRequest request,
            @Variable("caller") Caller caller, Exchange exchange) {
        if (!enabled() || call == null || !COUNTED.contains(call.getMethod())) {
            return;
        }
        List<Identity> identities = identities(caller, request.getClientAddress(), request.getForwardedFor());
        List<Bucket> spent = new ArrayList<>();
        String notice = null;
        for (Identity identity : identities) {
            Bucket bucket = buckets.bucket(identity.key(), configuration);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                spent.forEach(b -> b.addTokens(1));
                throw refusal(request, identity, bucket, probe);
            }
            spent.add(bucket);
            if (notice == null) {
                notice = nearLimit(identity, probe.getRemainingTokens());
            }
        }
        if (notice != null) {
            exchange.setVariable("rateNotice", notice);
        }
    }

    /** Appends the near-limit notice (variable {@value #NOTICE_VARIABLE}) to a tool result. */
    public Object annotate(@Body Object body, @Variable(NOTICE_VARIABLE) String notice) {
        if (notice == null || !(body instanceof McpSchema.CallToolResult result)) {
            return body;
        }
        List<McpSchema.Content> content = new ArrayList<>(result.content());
        content.add(new McpSchema.TextContent(notice));
        return new McpSchema.CallToolResult(content, result.isError(), result.structuredContent(), result.meta());
    }

    List<Identity> identities(Caller caller, String clientAddress, String forwardedFor) {
        List<Identity> identities = new ArrayList<>();
        if (caller != null && !caller.isAnonymous()) {
            identities.add(new Identity("user", "user " + caller.lastfmUser(),
                    "u:" + caller.lastfmUser().toLowerCase(Locale.ROOT)));
            if (caller.oauthClientId() != null) {
                // keyed by the client id (names are the client's own choice and not unique), shown by name
                identities.add(new Identity("client", "client " + caller.oauthClient(), "c:" + caller.oauthClientId()));
            } else if (caller.credentialHash() != null) {
                identities.add(new Identity("sign-in", "this sign-in", "s:" + caller.credentialHash()));
            }
            return identities;
        }
        String address = clientAddress(clientAddress, forwardedFor);
        if (settings.exemptLoopback() && address.equals(clientAddress) && isLoopback(address)) {
            return identities;
        }
        identities.add(new Identity("address", "client address " + address, "a:" + address));
        return identities;
    }

    /**
     * The client's address: the socket's, or, when the socket is a trusted proxy, the rightmost address in
     * X-Forwarded-For that is not itself a trusted proxy.
     */
    String clientAddress(String socket, String forwardedFor) {
        String address = socket == null ? "unknown" : socket;
        if (forwardedFor == null || !settings.trustedProxies().contains(address)) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !settings.trustedProxies().contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return address;
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    private static BucketConfiguration configuration(Settings settings) {
        var builder = BucketConfiguration.builder();
        if (settings.perMinute() > 0) {
            builder.addLimit(Bandwidth.builder().capacity(settings.perMinute())
                    .refillGreedy(settings.perMinute(), Duration.ofMinutes(1)).id("minute").build());
        }
        if (settings.perHour() > 0) {
            builder.addLimit(Bandwidth.builder().capacity(settings.perHour())
                    .refillGreedy(settings.perHour(), Duration.ofHours(1)).id("hour").build());
        }
        return builder.build();
    }

    private JsonRpcException refusal(McpRequest request, Identity identity, Bucket bucket, ConsumptionProbe probe) {
        long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        // the window that refused: the hour once the minute's tokens would be back within a minute
        boolean hourly = settings.perHour() > 0 && (settings.perMinute() <= 0 || retry > 60);
        long limit = hourly ? settings.perHour() : settings.perMinute();
        String window = hourly ? "hour" : "minute";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("limit", limit);
        data.put("window", window);
        data.put("retryAfterSeconds", retry);
        data.put("scope", identity.scope());
        if (!request.isBatch()) {
            request.reply().rateLimited(Map.of("Retry-After", String.valueOf(retry),
                    "RateLimit-Policy", policy(),
                    "RateLimit", "\"" + window + "\";r=0;t=" + retry));
        }
        return new JsonRpcException(RATE_LIMITED, "Rate limit exceeded: " + limit + " requests per " + window
                                                  + " for " + identity.shown() + "; retry in " + retry + " s", data);
    }

    private String nearLimit(Identity identity, long remaining) {
        long perMinute = settings.perMinute();
        if (perMinute > 0 && remaining <= perMinute / 5) {
            return "_Note: " + identity.shown() + " has " + remaining + " of " + perMinute + " requests per minute "
                   + "left; slow down or combine requests._";
        }
        return null;
    }

    private String policy() {
        List<String> parts = new ArrayList<>();
        if (settings.perMinute() > 0) {
            parts.add("\"minute\";q=" + settings.perMinute() + ";w=60");
        }
        if (settings.perHour() > 0) {
            parts.add("\"hour\";q=" + settings.perHour() + ";w=3600");
        }
        return String.join(", ", parts);
    }
}
