package dev.lastfmmcp.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.support.Fingerprint;
import org.infinispan.commons.api.BasicCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, MCP authorization 2025-11-25):
 * a {@code client_id} that is an https URL names the JSON document that describes the client. The document is
 * fetched (https only, no redirects, {@code timeout}, at most {@code maxBytes}; never from a loopback, private,
 * link-local or otherwise non-public address unless {@code allowLoopback}, the test switch, which also admits http
 * on a loopback host), checked ({@code client_id} inside equals the URL exactly, {@code redirect_uris} and the rest
 * as a registration, a public client: no shared secret, {@code token_endpoint_auth_method} {@code none}) and kept in
 * the cache for its {@code Cache-Control: max-age}, between {@code minCacheAge} and {@code maxCacheAge}. A document
 * that cannot be used is remembered as such for {@code minCacheAge}, so a client id cannot make this server fetch
 * the same URL over and over.
 *
 * <p>The address check resolves the host before the fetch; the JDK client resolves it again when it connects, so a
 * DNS answer that changes between the two (rebinding) is not caught here: deployments that must be sure put the
 * server behind an egress proxy that refuses internal addresses.
 */
public class ClientMetadataDocuments {

    static final int MAX_URL = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(ClientMetadataDocuments.class);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
    private static final String REFUSED = "!";

    /** The limits of a fetch and of the cache, and the test switch for loopback documents. */
    public record Settings(Duration timeout, int maxBytes, Duration minCacheAge, Duration maxCacheAge,
            boolean allowLoopback) {
    }

    /** What a fetch brought back: the status, at most {@code maxBytes + 1} bytes of body, the Cache-Control. */
    public record Fetched(int status, byte[] body, String cacheControl) {
    }

    /** Fetches a document; {@link #http(Duration)} in production. */
    @FunctionalInterface
    public interface Fetcher {
        Fetched fetch(URI uri, Duration timeout, int maxBytes) throws IOException;
    }

    /** Resolves a host to its addresses; {@code InetAddress::getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Supplier<BasicCache<String, String>> cache;
    private final ClientRegistry registry;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Settings settings;
    private final Fetcher fetcher;
    private final Resolver resolver;

    public ClientMetadataDocuments(Supplier<BasicCache<String, String>> cache, ClientRegistry registry,
            ObjectMapper mapper, Clock clock, Settings settings, Fetcher fetcher, Resolver resolver) {
        this.cache = cache;
        this.registry = registry;
        this.mapper = mapper;
        this.clock = clock;
        this.settings = settings;
        this.fetcher = fetcher;
        this.resolver = resolver;
    }

    /** Whether {@code clientId} is meant as a metadata document URL (registered client ids never hold a colon). */
    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https:", 0, 6)
               || clientId != null && clientId.regionMatches(true, 0, "http:", 0, 5);
    }

    /**
     * The client the document at {@code url} describes. A document that cannot be used is an {@link OAuthError}
     * {@code invalid_client} (status 400) saying why.
     */
    public RegisteredClient resolve(String url) {
        String problem = urlProblem(url);
        if (problem != null) {
            throw refused(problem);
        }
        String key = "m:" + Fingerprint.sha256(url);
        String cached = cache.get().get(key);
        if (cached == null) {
            cached = load(url);
            cache.get().put(key, cached, ttl(cached).toMillis(), TimeUnit.MILLISECONDS);
        }
        if (cached.startsWith(REFUSED)) {
            throw refused(cached.substring(REFUSED.length()));
        }
        return client(url, cached.substring(cached.indexOf('\n') + 1));
    }

    /** The reason {@code url} cannot be a client id, or null when it can (the draft's §3 rules). */
    String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "the client_id URL is longer than " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "the client_id is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopbackHttp = settings.allowLoopback() && scheme.equals("http") && RedirectUris.isLoopback(uri);
        if (!scheme.equals("https") && !loopbackHttp) {
            return "a client_id URL must use https";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "a client_id URL needs a host and no user information";
        }
        if (uri.getRawFragment() != null || url.contains("#")) {
            return "a client_id URL must not have a fragment";
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "a client_id URL must have a path (the document's own, not the site root)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "a client_id URL must not have . or .. path segments";
            }
        }
        return null;
    }

    /** Fetches and checks the document: {@code ttl-seconds \n body} when usable, {@code !problem} when not. */
    private String load(String url) {
        URI uri = URI.create(url);
        String problem = addressProblem(uri.getHost());
        if (problem != null) {
            return REFUSED + problem;
        }
        Fetched fetched;
        try {
            fetched = fetcher.fetch(uri, settings.timeout(), settings.maxBytes());
        } catch (IOException e) {
            LOG.info("The client metadata document {} could not be fetched: {}", Fingerprint.of(url),
                    e.getClass().getSimpleName());
            return REFUSED + "the client's metadata document could not be fetched (" + e.getMessage() + ")";
        }
        if (fetched.status() != 200) {
            return REFUSED + "the client's metadata document answered HTTP " + fetched.status() + ", not 200";
        }
        if (fetched.body().length > settings.maxBytes()) {
            return REFUSED + "the client's metadata document is larger than " + settings.maxBytes() + " bytes";
        }
        String body = new String(fetched.body(), StandardCharsets.UTF_8);
        try {
            client(url, body);
        } catch (OAuthError unusable) {
            return REFUSED + unusable.getMessage();
        }
        return cacheSeconds(fetched.cacheControl()) + "\n" + body;
    }

    /** Checks the document's JSON and builds the client; {@link OAuthError} when it cannot describe this client. */
    private RegisteredClient client(String url, String body) {
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw refused("the client's metadata document is not valid JSON");
        }
        if (document == null || !document.isObject()) {
            throw refused("the client's metadata document is not a JSON object");
        }
        if (!url.equals(document.path("client_id").textValue())) {
            throw refused("the client_id inside the client's metadata document is not its URL");
        }
        if (document.has("client_secret") || document.has("client_secret_expires_at")) {
            throw refused("a client metadata document must not carry a client secret");
        }
        ClientRegistry.Request request;
        try {
            request = registry.check(document, "none");
        } catch (OAuthError invalid) {
            throw refused("the client's metadata document is not usable: " + invalid.getMessage());
        }
        if (!"none".equals(request.authMethod())) {
            throw refused("a client metadata document client is public here: token_endpoint_auth_method must be "
                          + "none");
        }
        String host = URI.create(url).getHost();
        String name = request.clientName() == null || request.clientName().isBlank() ? host
                : request.clientName() + " (" + host + ")";
        return new RegisteredClient(url, name, request.redirectUris(), request.grantTypes(), "none",
                request.scope(), null, clock.instant(), true);
    }

    private String addressProblem(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "the host of the client_id URL is unknown";
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !(settings.allowLoopback() && address.isLoopbackAddress())) {
                return "the client_id URL points to a loopback, private or link-local address, which this server "
                       + "does not fetch";
            }
        }
        return null;
    }

    /** Loopback, private, link-local, unspecified, multicast, shared (100.64/10), reserved and ULA addresses. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128
                   || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18;
        }
        return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    private long cacheSeconds(String cacheControl) {
        long max = settings.maxCacheAge().toSeconds();
        long min = settings.minCacheAge().toSeconds();
        if (cacheControl == null) {
            return max;
        }
        String lower = cacheControl.toLowerCase(Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return min;
        }
        Matcher age = MAX_AGE.matcher(lower);
        return age.find() ? Math.max(min, Math.min(max, Long.parseLong(age.group(1)))) : max;
    }

    private Duration ttl(String cached) {
        return cached.startsWith(REFUSED) ? settings.minCacheAge()
                : Duration.ofSeconds(Long.parseLong(cached.substring(0, cached.indexOf('\n'))));
    }

    private static OAuthError refused(String problem) {
        return new OAuthError(400, "invalid_client", problem);
    }

    // ---------------------------------------------------------------- the fetch

    /**
     * The JDK HTTP client: no redirects, the whole exchange bounded by the timeout, the body by {@code maxBytes}. The
     * client (and its TLS context, about 180 classes) is built at the first fetch, not at start-up.
     */
    public static Fetcher http(Duration connectTimeout) {
        dev.lastfmmcp.support.Lazy<HttpClient> lazyClient = new dev.lastfmmcp.support.Lazy<>(() -> HttpClient
                .newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
        return (uri, timeout, maxBytes) -> {
            HttpClient client = lazyClient.get();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                    .GET().build();
            CappedBody body = new CappedBody(maxBytes + 1);
            HttpResponse.ResponseInfo[] head = new HttpResponse.ResponseInfo[1];
            CompletableFuture<HttpResponse<byte[]>> reply = client.sendAsync(request, info -> {
                head[0] = info;
                return body;
            });
            try {
                reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                reply.cancel(true);
                throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                // stopping at the cap cancels an HTTP/2 stream, which fails the exchange after the body is read
                if (!body.isFull()) {
                    throw new IOException(e.getCause() instanceof java.net.http.HttpTimeoutException
                            ? "no answer within " + timeout.toSeconds() + " s"
                            : e.getCause() instanceof java.net.ConnectException ? "connection refused"
                            : "the connection failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            return new Fetched(head[0].statusCode(), body.getBody().toCompletableFuture().join(),
                    head[0].headers().firstValue("Cache-Control").orElse(null));
        };
    }

    /** Collects at most {@code cap} bytes, then stops reading. */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        boolean isFull() {
            return result.isDone() && !result.isCompletedExceptionally() && result.join().length >= cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), cap - out.size());
                byte[] bytes = new byte[take];
                item.get(bytes);
                out.write(bytes, 0, take);
                if (out.size() >= cap) {
                    result.complete(out.toByteArray());
                    subscription.cancel();
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
