package dev.lastfmmcp.lastfm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Last.fm API call as tools ask for it (exchange variable {@code lastfm}): the method, its parameters without
 * {@code api_key} / {@code format} / {@code api_sig}, and optionally a session key for calls made as a signed-in user.
 */
public record LastfmRequest(String method, Map<String, String> params, String sessionKey, boolean fresh) {

    /** Methods that change state: POSTed, signed, never cached. */
    static final Set<String> WRITE_METHODS = Set.of("track.love", "track.unlove", "track.scrobble",
            "track.updatenowplaying", "artist.addtags", "artist.removetag", "album.addtags", "album.removetag",
            "track.addtags", "track.removetag");

    public LastfmRequest {
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        params = Collections.unmodifiableMap(copy);
    }

    /** {@code of("artist.getInfo", "artist", "Cher", "autocorrect", "1")}. */
    public static LastfmRequest of(String method, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new LastfmRequest(method, params, null, false);
    }

    public LastfmRequest(String method, Map<String, String> params, String sessionKey) {
        this(method, params, sessionKey, false);
    }

    public LastfmRequest withSessionKey(String key) {
        return new LastfmRequest(method, params, key, fresh);
    }

    /** The same call, past the cache. */
    public LastfmRequest bypassingCache() {
        return new LastfmRequest(method, params, sessionKey, true);
    }

    public String methodKey() {
        return method.toLowerCase(Locale.ROOT);
    }

    public boolean isWrite() {
        return WRITE_METHODS.contains(methodKey());
    }

    /** Whether sending this call twice does no harm: all but track.scrobble (a second one is a second play). */
    public boolean repeatable() {
        return !methodKey().equals("track.scrobble");
    }

    public boolean isAuth() {
        return methodKey().startsWith("auth.");
    }

    /** Auth methods, write methods and any call carrying a session key are signed. */
    public boolean needsSignature() {
        return isAuth() || isWrite() || (sessionKey != null && !sessionKey.isEmpty());
    }

    public String param(String name) {
        return params.get(name);
    }

    @Override
    public String toString() {
        // never print the session key
        return "LastfmRequest[" + method + " " + params + (sessionKey == null ? "" : " (signed-in)") + "]";
    }
}
