package dev.lastfmmcp.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which redirect URIs a client may register (OAuth 2.1 §2.3.1, RFC 8252 §7): https URLs; http only on a loopback
 * host ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}), where any port matches at authorization time; or a
 * private-use scheme of a native app ({@code com.example.app:/callback}). Never a fragment, never user info, never a
 * scheme that runs code or reads files.
 */
public final class RedirectUris {

    static final int MAX_LENGTH = 2000;
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about",
            "blob", "ftp", "ws", "wss");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /** The reason {@code uri} cannot be registered, or null when it can. */
    public static String problem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "a redirect URI is empty";
        }
        if (uri.length() > MAX_LENGTH) {
            return "a redirect URI is longer than " + MAX_LENGTH + " characters";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "a redirect URI is not a valid URI";
        }
        if (!parsed.isAbsolute() || parsed.getScheme() == null) {
            return "a redirect URI must be absolute";
        }
        if (parsed.getRawFragment() != null || uri.contains("#")) {
            return "a redirect URI must not have a fragment";
        }
        if (parsed.getRawUserInfo() != null) {
            return "a redirect URI must not carry user information";
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return parsed.getHost() == null ? "an https redirect URI needs a host" : null;
        }
        if (scheme.equals("http")) {
            return isLoopback(parsed) ? null : "an http redirect URI must be on a loopback host (127.0.0.1, [::1] "
                                                 + "or localhost); use https otherwise";
        }
        if (!SCHEME.matcher(scheme).matches() || REFUSED_SCHEMES.contains(scheme)) {
            return "the redirect URI scheme " + scheme + " is not allowed";
        }
        return null;
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code requested} is {@code registered}: exact string comparison, except that an http loopback URI
     * matches on any port (RFC 8252 §7.3).
     */
    public static boolean matches(String registered, String requested) {
        if (registered.equals(requested)) {
            return true;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && isLoopback(a)
                   && a.getHost().equalsIgnoreCase(b.getHost()) && b.getRawFragment() == null
                   && b.getRawUserInfo() == null && java.util.Objects.equals(a.getRawPath(), b.getRawPath())
                   && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
