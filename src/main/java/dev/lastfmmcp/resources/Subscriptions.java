package dev.lastfmmcp.resources;

import dev.lastfmmcp.stream.SessionStreams;
import dev.lastfmmcp.stream.McpLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.LogLevel;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.resources.ResourceUri;
import dev.lastfmmcp.resources.UriTemplate;
import dev.lastfmmcp.upstream.UpstreamBusyException;
import org.apache.camel.Variable;

/**
 * Resource subscriptions ({@code resources/subscribe}) on {@code lastfm://user/{username}/recent} and
 * {@code …/profile}. While anyone is subscribed, the poller checks each user once per interval (one shared check per
 * user and resource, however many sessions subscribe) and sends {@code notifications/resources/updated} to every
 * subscribed session when a new scrobble or a now-playing change appears (recent) or the profile changes. Subscribing
 * checks the resource once (the user must exist; the answer is the baseline). A subscription ends with unsubscribe or
 * with its session; polling stops with the last watcher. Sessions and the server watch a bounded number of resources,
 * and polls yield to interactive calls waiting for the Last.fm budget.
 */
public class Subscriptions {

    /** What can be watched; the last segment is the kind of check. */
    static final List<UriTemplate> SUBSCRIBABLE = List.of(UriTemplate.parse("lastfm://user/{username}/recent"),
            UriTemplate.parse("lastfm://user/{username}/profile"));

    /** One subscribable resource. */
    public record Target(String uri, String username, String kind) {
        LastfmRequest check() {
            return "recent".equals(kind)
                    ? LastfmRequest.of("user.getRecentTracks", "user", username, "limit", "1").bypassingCache()
                    : LastfmRequest.of("user.getInfo", "user", username).bypassingCache();
        }
    }

    /** The kind of a fixed resource whose content never changes: accepted, never polled. */
    static final String STATIC = "static";

    private volatile Set<String> staticUris = Set.of();
    private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();
    /** Listen streams (2026-07-28): subscriber id to the subscription id (the listen request's JSON-RPC id). */
    private final Map<String, com.fasterxml.jackson.databind.JsonNode> listeners = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Object>> ending = new ConcurrentHashMap<>();
    /** The key of a listen stream's subscription id in the {@code _meta} of what it carries. */
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    static final String LISTEN_PREFIX = "listen-";
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    /**
     * Resources watched by their own signed-in user: polled as that user (signed, so a private history can be
     * watched), for as long as the owner's session watches them.
     */
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    /** The session of a resource's own user and their caller (with the session key). */
    record Owner(String sessionId, Caller caller) {
    }
    private final SessionStreams streams;
    private final McpLog log;
    private final JsonRpcCodec codec;
    private final Limits limits;
    private final IntSupplier waitingCalls;

    /**
     * @param maxPerSession resources one session may watch
     * @param maxWatched    resources watched in all (each costs one Last.fm call per poll interval)
     */
    public record Limits(int maxPerSession, int maxWatched) {
    }

    public Subscriptions(SessionStreams streams, McpLog log, JsonRpcCodec codec) {
        this(streams, log, codec, new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE), () -> 0);
    }

    /** @param waitingCalls Last.fm calls waiting for the rate budget; polls yield while there are any */
    public Subscriptions(SessionStreams streams, McpLog log, JsonRpcCodec codec, Limits limits,
            IntSupplier waitingCalls) {
        this.streams = streams;
        this.log = log;
        this.codec = codec;
        this.limits = limits;
        this.waitingCalls = waitingCalls;
    }

    /**
     * The subscribable resource a URI names, matched and decoded the way {@code resources/read} does it; -32602 for
     * any other URI and for a broken escape, a blank or unsafe user name.
     */
    public static Target parse(String uri) {
        if (uri == null) {
            throw JsonRpcException.invalidParams("resources/subscribe needs params.uri");
        }
        ResourceUri.checkLength(uri);
        ResourceUri parts = ResourceUri.parse(uri);
        if (parts != null && parts.query().isEmpty()) {
            for (UriTemplate template : SUBSCRIBABLE) {
                Map<String, String> raw = template.match(parts);
                if (raw != null) {
                    String kind = parts.segments().get(parts.segments().size() - 1);
                    return new Target(parts.scheme() + "://user/" + raw.get("username") + "/" + kind,
                            ResourceCatalogue.variable(uri, "username", raw.get("username")), kind);
                }
            }
        }
        throw JsonRpcException.invalidParams("Subscriptions are available for " + String.join(" and ",
                SUBSCRIBABLE.stream().map(UriTemplate::template).toList()) + ", not " + uri);
    }

    /**
     * Fixed resources that may be subscribed to as well (the catalogue's {@code subscribable}): their content never
     * changes, so they are never polled and no update follows.
     */
    public void acceptStatic(Set<String> uris) {
        this.staticUris = Set.copyOf(uris);
    }

    /** The subscribable resource a URI names: a fixed one as it is, else as {@link #parse} finds it. */
    public Target target(String uri) {
        if (uri != null && staticUris.contains(uri)) {
            return new Target(uri, null, STATIC);
        }
        return parse(uri);
    }

    /**
     * The first step of {@code resources/subscribe}: the resource the URI names, when this session and the server
     * may watch one more (-32602 for a bad URI or a session at its bound, -32603 when the server watches all it may).
     */
    public Target admit(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        Target target = target(call.param("uri"));
        call.setName(target.uri());
        if (sessionsByUri.getOrDefault(target.uri(), Set.of()).contains(request.getSessionId())) {
            return target;
        }
        long mine = sessionsByUri.values().stream().filter(s -> s.contains(request.getSessionId())).count();
        if (mine >= limits.maxPerSession()) {
            throw JsonRpcException.invalidParams("This session already watches " + mine + " resources, the most it "
                                                 + "may; unsubscribe from one first");
        }
        if (!targets.containsKey(target.uri()) && targets.size() >= limits.maxWatched()) {
            throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR, "The server watches the most resources it may ("
                                       + limits.maxWatched() + "); try again later");
        }
        return target;
    }

    /**
     * Whether someone already watches it (then its baseline exists or a poll is due; no check is needed). A resource
     * its own user watches is checked again for anyone else: it may be private.
     */
    public boolean isWatched(@Variable("target") Target target, @Variable("caller") Caller caller) {
        return STATIC.equals(target.kind()) || targets.containsKey(target.uri()) && (!owners.containsKey(target.uri()) || isOwner(caller, target));
    }

    private static boolean isOwner(Caller caller, Target target) {
        return caller != null && caller.lastfmSessionKey() != null
               && target.username().equalsIgnoreCase(caller.lastfmUser());
    }

    /** Who the poll of a resource runs as (variable {@code caller}): its owner when they watch it, else no one. */
    public Caller pollCaller(Target target) {
        Owner owner = owners.get(target.uri());
        return owner == null ? Caller.ANONYMOUS : owner.caller();
    }

    /** Adds the session to the watchers of a resource. */
    public Map<String, Object> subscribe(McpRequest request, Target target) {
        return subscribe(request.getSessionId(), request, target);
    }

    /**
     * Adds the subscriber (variable {@code subscriber}: a session id, or a 2026-07-28 listen stream's id) to the
     * watchers of a resource.
     */
    public Map<String, Object> subscribe(@Variable("subscriber") String subscriber, @Variable("mcp") McpRequest request,
            @Variable("target") Target target) {
        if (isOwner(request.getCaller(), target)) {
            owners.put(target.uri(), new Owner(subscriber, request.getCaller()));
        }
        targets.putIfAbsent(target.uri(), target);
        sessionsByUri.computeIfAbsent(target.uri(), uri -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return Map.of();
    }

    /**
     * The check made at subscribe time: it proves the user exists and is the baseline, so the first change after
     * subscribing is notified.
     */
    public Map<String, Object> subscribeFrom(@Variable("subscriber") String subscriber,
            @Variable("mcp") McpRequest request, @Variable("target") Target target,
            @Variable("checked") LastfmResult checked) {
        if (checked != null && !checked.stale()) {
            lastSeen.putIfAbsent(target.uri(), fingerprint(checked.data()));
        }
        return subscribe(subscriber, request, target);
    }

    /**
     * The check at subscribe time failed: a user Last.fm does not know (or whose history is private) cannot be
     * watched (-32002); when Last.fm is only unavailable or busy, the subscription stands and the first poll takes
     * the baseline.
     */
    public Map<String, Object> checkFailed(String subscriber, McpRequest request, Target target, Exception failure) {
        if (failure instanceof LastfmException lastfm) {
            switch (lastfm.kind()) {
                case NOT_FOUND, PRIVATE -> throw new JsonRpcException(JsonRpcErrors.RESOURCE_NOT_FOUND,
                        "Cannot watch " + target.uri() + ": " + lastfm.getMessage(), Map.of("uri", target.uri()));
                case UNAVAILABLE, RATE_LIMITED -> {
                    return subscribe(subscriber, request, target);
                }
                default -> throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR,
                        "Cannot watch " + target.uri() + ": " + lastfm.getMessage());
            }
        }
        if (failure instanceof UpstreamBusyException) {
            return subscribe(subscriber, request, target);
        }
        throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR, "Cannot watch " + target.uri()
                                                                 + ": Last.fm could not be asked; try again");
    }

    public Map<String, Object> unsubscribe(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        Target target = target(call.param("uri"));
        call.setName(target.uri());
        remove(target.uri(), request.getSessionId());
        return Map.of();
    }

    /**
     * subscriptions/listen (2026-07-28), first step: the listen stream's subscriber id (variable {@code subscriber}),
     * after the request's {@code params.notifications} proved an object and every {@code resourceSubscriptions} URI a
     * resource that can be watched, within the bounds (-32602 otherwise). Its JSON-RPC id becomes the subscription
     * id of everything the stream carries.
     */
    public String listen(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        listenTargets(call);
        String subscriber = LISTEN_PREFIX + java.util.UUID.randomUUID();
        listeners.put(subscriber, call.getId());
        return subscriber;
    }

    /** The resources a listen request asks to watch (-32602 for a bad filter, URI or one over the bounds). */
    public List<Target> listenTargets(@Variable("call") McpCall call) {
        com.fasterxml.jackson.databind.JsonNode filter = call.getParams() == null ? null
                : call.getParams().get("notifications");
        if (filter == null || !filter.isObject()) {
            throw JsonRpcException.invalidParams("Invalid params: subscriptions/listen needs params.notifications, "
                                                 + "an object such as {\"resourceSubscriptions\": "
                                                 + "[\"lastfm://user/rj/recent\"]}");
        }
        com.fasterxml.jackson.databind.JsonNode uris = filter.get("resourceSubscriptions");
        if (uris != null && !uris.isArray()) {
            throw JsonRpcException.invalidParams("Invalid params: notifications.resourceSubscriptions must be an "
                                                 + "array of resource URIs");
        }
        Map<String, Target> wanted = new java.util.LinkedHashMap<>();
        if (uris != null) {
            for (com.fasterxml.jackson.databind.JsonNode uri : uris) {
                Target target = target(uri.isTextual() ? uri.textValue() : null);
                wanted.putIfAbsent(target.uri(), target);
            }
        }
        if (wanted.size() > limits.maxPerSession()) {
            throw JsonRpcException.invalidParams("A listen stream may watch " + limits.maxPerSession()
                                                 + " resources at most, not " + wanted.size());
        }
        long added = wanted.keySet().stream().filter(uri -> !targets.containsKey(uri)).count();
        if (targets.size() + added > limits.maxWatched()) {
            throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR, "The server watches the most resources it may ("
                                       + limits.maxWatched() + "); try again later");
        }
        return new ArrayList<>(wanted.values());
    }

    /**
     * The listen stream opens: the event stream of the reply, its acknowledgment (the resources it watches, with the
     * subscription id), then resource updates until the client leaves. The future completes when the stream ends: with
     * nothing when the client left, with the closing result when the server stops. No thread waits meanwhile.
     */
    public java.util.concurrent.CompletableFuture<Object> acknowledge(@Variable("subscriber") String subscriber,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        List<String> watched = listenTargets(call).stream().map(Target::uri).toList();
        java.util.concurrent.CompletableFuture<Object> ended = new java.util.concurrent.CompletableFuture<>();
        if (request.reply().getHttpResponse() == null) {
            listenEnded(subscriber);
            ended.complete(closing(call.getId()));
            return ended;
        }
        dev.lastfmmcp.stream.SseConnection connection = dev.lastfmmcp.stream.SseConnection.open(
                request.reply().getHttpResponse(), dev.lastfmmcp.mcp.McpHttp.CORRELATION_HEADER,
                request.getCorrelationId());
        dev.lastfmmcp.stream.SessionChannel channel = streams.channel(subscriber);
        ending.put(subscriber, ended);
        connection.onClose(() -> {
            channel.detach(connection);
            listenEnded(subscriber);
            ended.complete(null);
        });
        channel.attach(connection, null);
        request.streamReplyOn(new ListenReply(connection));
        Map<String, Object> honored = new java.util.LinkedHashMap<>();
        if (!watched.isEmpty()) {
            honored.put("resourceSubscriptions", watched);
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("_meta", Map.of(SUBSCRIPTION_ID, call.getId()));
        params.put("notifications", honored);
        streams.publish(subscriber, codec.write(codec.notification("notifications/subscriptions/acknowledged",
                params)));
        return ended;
    }

    /** The result that closes a listen stream the server ends (at shutdown). */
    private Map<String, Object> closing(com.fasterxml.jackson.databind.JsonNode id) {
        return Map.of("_meta", Map.of(SUBSCRIPTION_ID, id));
    }

    /**
     * A listen stream could not be opened (a resource could not be watched): what it watched already goes, and the
     * reason (the JSON-RPC error of that resource's check, out of the split's wrapper) answers the request.
     */
    public void listenFailed(@Variable("subscriber") String subscriber,
            @org.apache.camel.ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception failure)
            throws Exception {
        listenEnded(subscriber);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonRpcException rpc) {
                throw rpc;
            }
        }
        throw failure;
    }

    private void listenEnded(String subscriber) {
        listeners.remove(subscriber);
        ending.remove(subscriber);
        sessionEnded(subscriber);
        streams.sessionEnded(subscriber);
    }

    /** The server stops: every listen stream ends with its closing result. */
    public void endListening() {
        for (String subscriber : List.copyOf(ending.keySet())) {
            java.util.concurrent.CompletableFuture<Object> ended = ending.remove(subscriber);
            com.fasterxml.jackson.databind.JsonNode id = listeners.get(subscriber);
            if (ended != null) {
                ended.complete(closing(id));
            }
        }
    }

    /** Open listen streams (for tests and health). */
    public int listening() {
        return ending.size();
    }

    /** The reply of a listen stream: the response (at shutdown) is its last event. */
    private static final class ListenReply implements dev.lastfmmcp.mcp.ReplyStream {
        private final dev.lastfmmcp.stream.SseConnection connection;

        ListenReply(dev.lastfmmcp.stream.SseConnection connection) {
            this.connection = connection;
        }

        @Override
        public void send(com.fasterxml.jackson.databind.JsonNode notification) {
            // a listen stream carries only what is published to its channel
        }

        @Override
        public void finish(com.fasterxml.jackson.databind.JsonNode response) {
            if (response != null && !response.isNull()) {
                connection.write(dev.lastfmmcp.mcp.SseFormat.messageEvent(null, response.toString()));
            }
            connection.close();
        }

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public boolean closeForPolling() {
            return false;
        }
    }

    /** Its session ended: all its subscriptions go. */
    public void sessionEnded(String sessionId) {
        for (String uri : List.copyOf(sessionsByUri.keySet())) {
            remove(uri, sessionId);
        }
    }

    private void remove(String uri, String sessionId) {
        owners.computeIfPresent(uri, (key, owner) -> owner.sessionId().equals(sessionId) ? null : owner);
        sessionsByUri.computeIfPresent(uri, (key, sessions) -> {
            sessions.remove(sessionId);
            return sessions.isEmpty() ? null : sessions;
        });
        if (!sessionsByUri.containsKey(uri)) {
            targets.remove(uri);
            lastSeen.remove(uri);
            owners.remove(uri);
        }
    }

    /** The checks due now: one per subscribed resource (none when nobody is subscribed). */
    public List<Target> dueChecks() {
        return targets.values().stream().filter(target -> !STATIC.equals(target.kind()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /**
     * Whether to check a due resource now: not when its last watcher left since the round began, and not while
     * interactive Last.fm calls wait for the rate budget (polls yield; the resource is checked next round).
     */
    public boolean shouldCheck(@Variable("target") Target target) {
        return targets.containsKey(target.uri()) && waitingCalls.getAsInt() == 0;
    }

    public LastfmRequest request(Target target) {
        return target.check();
    }

    /** A check's answer: notify the subscribers when it differs from the last one seen (the first one is the baseline). */
    public void observe(Target target, LastfmResult result) {
        if (result == null || result.stale()) {
            return;
        }
        String fingerprint = fingerprint(result.data());
        String previous = lastSeen.put(target.uri(), fingerprint);
        if (previous != null && !previous.equals(fingerprint)) {
            String notification = codec.write(codec.notification("notifications/resources/updated",
                    Map.of("uri", target.uri())));
            for (String sessionId : sessionsByUri.getOrDefault(target.uri(), Set.of())) {
                com.fasterxml.jackson.databind.JsonNode listenId = listeners.get(sessionId);
                // a listen stream's notifications carry its subscription id
                streams.publish(sessionId, listenId == null ? notification : codec.write(codec.notification(
                        "notifications/resources/updated", Map.of("uri", target.uri(), "_meta",
                                Map.of(SUBSCRIPTION_ID, listenId)))));
            }
        }
    }

    /** A check failed: subscribed sessions hear about it (at warning). */
    public void failed(Target target, Exception failure) {
        for (String sessionId : sessionsByUri.getOrDefault(target.uri(), Set.of())) {
            log.logToSession(sessionId, LogLevel.WARNING, "subscriptions",
                    "Checking " + target.uri() + " for updates failed: " + failure.getMessage());
        }
    }

    static String fingerprint(Object data) {
        if (data instanceof RecentTracks recent) {
            StringBuilder key = new StringBuilder();
            for (RecentTrack track : recent.tracks()) {
                key.append(track.nowPlaying() ? "now:" : "at:")
                        .append(track.playedAt() == null ? "" : track.playedAt().getEpochSecond()).append(':')
                        .append(track.artist() == null ? "" : track.artist().name()).append('|')
                        .append(track.name()).append(';');
            }
            return key.append(recent.page() == null ? "" : recent.page().total()).toString()
                    .toLowerCase(Locale.ROOT);
        }
        if (data instanceof UserInfo user) {
            return user.playcount() + "|" + user.artistCount() + "|" + user.trackCount() + "|" + user.realName() + "|"
                   + user.country() + "|" + user.imageUrl();
        }
        return String.valueOf(data);
    }

    /** How many resources are watched (for tests and health). */
    public int watched() {
        return targets.size();
    }

    public Set<String> subscribers(String uri) {
        return new LinkedHashSet<>(sessionsByUri.getOrDefault(uri, Set.of()));
    }
}
