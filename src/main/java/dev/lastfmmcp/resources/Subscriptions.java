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

    private final Map<String, Set<String>> sessionsByUri = new ConcurrentHashMap<>();
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
     * The first step of {@code resources/subscribe}: the resource the URI names, when this session and the server
     * may watch one more (-32602 for a bad URI or a session at its bound, -32603 when the server watches all it may).
     */
    public Target admit(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        Target target = parse(call.param("uri"));
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
        return targets.containsKey(target.uri()) && (!owners.containsKey(target.uri()) || isOwner(caller, target));
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
    public Map<String, Object> subscribe(@Variable("mcp") McpRequest request, @Variable("target") Target target) {
        if (isOwner(request.getCaller(), target)) {
            owners.put(target.uri(), new Owner(request.getSessionId(), request.getCaller()));
        }
        targets.putIfAbsent(target.uri(), target);
        sessionsByUri.computeIfAbsent(target.uri(), uri -> ConcurrentHashMap.newKeySet())
                .add(request.getSessionId());
        return Map.of();
    }

    /**
     * The check made at subscribe time: it proves the user exists and is the baseline, so the first change after
     * subscribing is notified.
     */
    public Map<String, Object> subscribeFrom(@Variable("mcp") McpRequest request, @Variable("target") Target target,
            @Variable("checked") LastfmResult checked) {
        if (checked != null && !checked.stale()) {
            lastSeen.putIfAbsent(target.uri(), fingerprint(checked.data()));
        }
        return subscribe(request, target);
    }

    /**
     * The check at subscribe time failed: a user Last.fm does not know (or whose history is private) cannot be
     * watched (-32002); when Last.fm is only unavailable or busy, the subscription stands and the first poll takes
     * the baseline.
     */
    public Map<String, Object> checkFailed(@Variable("mcp") McpRequest request, @Variable("target") Target target,
            Exception failure) {
        if (failure instanceof LastfmException lastfm) {
            switch (lastfm.kind()) {
                case NOT_FOUND, PRIVATE -> throw new JsonRpcException(JsonRpcErrors.RESOURCE_NOT_FOUND,
                        "Cannot watch " + target.uri() + ": " + lastfm.getMessage(), Map.of("uri", target.uri()));
                case UNAVAILABLE, RATE_LIMITED -> {
                    return subscribe(request, target);
                }
                default -> throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR,
                        "Cannot watch " + target.uri() + ": " + lastfm.getMessage());
            }
        }
        if (failure instanceof UpstreamBusyException) {
            return subscribe(request, target);
        }
        throw new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR, "Cannot watch " + target.uri()
                                                                 + ": Last.fm could not be asked; try again");
    }

    public Map<String, Object> unsubscribe(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        Target target = parse(call.param("uri"));
        call.setName(target.uri());
        remove(target.uri(), request.getSessionId());
        return Map.of();
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
        return new ArrayList<>(targets.values());
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
                streams.publish(sessionId, notification);
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
