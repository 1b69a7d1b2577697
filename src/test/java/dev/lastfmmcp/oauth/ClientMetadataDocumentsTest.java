package dev.lastfmmcp.oauth;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Client ID Metadata Document rules without the network: the URL shape, the address guard (loopback, private,
 * link-local, reserved), the document checks, the size limit and the cache lifetime from Cache-Control.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMetadataDocumentsTest {

    private static final String URL = "https://app.example.com/oauth/client.json";
    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final Map<String, InetAddress[]> dns = new ConcurrentHashMap<>();
    private final Map<String, ClientMetadataDocuments.Fetched> served = new ConcurrentHashMap<>();
    private final List<URI> fetches = new ArrayList<>();
    private DefaultCacheManager manager;
    private Cache<String, String> cache;
    private ClientRegistry registry;

    @BeforeAll
    void start() {
        manager = new DefaultCacheManager();
        manager.defineConfiguration("pending", new ConfigurationBuilder().build());
        cache = manager.getCache("pending");
        registry = new ClientRegistry(() -> cache, mapper, Clock.systemUTC(),
                new ClientRegistry.Settings(4096, Duration.ofHours(1), Duration.ofDays(1)));
    }

    @AfterAll
    void stop() {
        manager.stop();
    }

    @BeforeEach
    void clear() throws Exception {
        cache.clear();
        fetches.clear();
        served.clear();
        dns.clear();
        dns.put("app.example.com", new InetAddress[] {InetAddress.getByName("93.184.215.14")});
    }

    private ClientMetadataDocuments documents(boolean allowLoopback) {
        return new ClientMetadataDocuments(() -> cache, registry, mapper,
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC),
                new ClientMetadataDocuments.Settings(Duration.ofSeconds(5), 1024, Duration.ofMinutes(1),
                        Duration.ofHours(1), allowLoopback),
                (uri, timeout, maxBytes) -> {
                    fetches.add(uri);
                    ClientMetadataDocuments.Fetched answer = served.get(uri.toString());
                    if (answer == null) {
                        throw new java.io.IOException("connection refused");
                    }
                    return answer;
                },
                host -> {
                    InetAddress[] addresses = dns.get(host);
                    return addresses != null ? addresses : InetAddress.getAllByName(host);
                });
    }

    private void serve(String url, String json, String cacheControl) {
        served.put(url, new ClientMetadataDocuments.Fetched(200, json.getBytes(StandardCharsets.UTF_8),
                cacheControl));
    }

    private static String document(String clientId, String extra) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Inspector\",\"redirect_uris\":"
               + "[\"http://127.0.0.1:6276/oauth/callback\"],\"grant_types\":[\"authorization_code\","
               + "\"refresh_token\"],\"token_endpoint_auth_method\":\"none\"" + extra + "}";
    }

    private String refusal(ClientMetadataDocuments documents, String url) {
        try {
            documents.resolve(url);
        } catch (OAuthError refused) {
            assertThat(refused.error()).isEqualTo("invalid_client");
            assertThat(refused.status()).isEqualTo(400);
            return refused.getMessage();
        }
        throw new AssertionError("resolved " + url);
    }

    @Test
    void aGoodDocumentIsAPublicClientNamedWithItsHostAndIsFetchedOnceWhileCached() {
        serve(URL, document(URL, ""), "public, max-age=600");
        ClientMetadataDocuments documents = documents(false);
        RegisteredClient client = documents.resolve(URL);
        assertThat(client.clientId()).isEqualTo(URL);
        assertThat(client.displayName()).isEqualTo("Inspector (app.example.com)");
        assertThat(client.redirectUris()).containsExactly("http://127.0.0.1:6276/oauth/callback");
        assertThat(client.isPublic()).isTrue();
        assertThat(client.grantTypes()).containsExactly("authorization_code", "refresh_token");
        documents.resolve(URL);
        assertThat(fetches).hasSize(1);
        long ttl = cache.getAdvancedCache().getCacheEntry("m:" + ClientRegistry.sha256(URL)).getLifespan();
        assertThat(ttl).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void cacheControlIsHonouredWithinTheBounds() {
        ClientMetadataDocuments documents = documents(false);
        String[][] cases = {{"max-age=5", "60"}, {"max-age=999999", "3600"}, {"no-store", "60"}, {null, "3600"},
                            {"private", "3600"}};
        int i = 0;
        for (String[] one : cases) {
            String url = URL + "?v=" + i++;
            serve(url, document(url, ""), one[0]);
            documents.resolve(url);
            assertThat(cache.getAdvancedCache().getCacheEntry("m:" + ClientRegistry.sha256(url)).getLifespan())
                    .as(String.valueOf(one[0])).isEqualTo(Long.parseLong(one[1]) * 1000);
        }
    }

    @Test
    void urlsThatCannotBeClientIdsAreRefusedBeforeAnyFetch() {
        ClientMetadataDocuments documents = documents(false);
        assertThat(refusal(documents, "http://app.example.com/client.json")).contains("https");
        assertThat(refusal(documents, "https://app.example.com")).contains("path");
        assertThat(refusal(documents, "https://app.example.com/")).contains("path");
        assertThat(refusal(documents, "https://app.example.com/a/../client.json")).contains(". or ..");
        assertThat(refusal(documents, "https://app.example.com/./client.json")).contains(". or ..");
        assertThat(refusal(documents, "https://app.example.com/client.json#x")).contains("fragment");
        assertThat(refusal(documents, "https://user:pw@app.example.com/client.json")).contains("user");
        assertThat(refusal(documents, "https://app.example.com/" + "a".repeat(2000))).contains("longer");
        assertThat(refusal(documents, "https://app example.com/x")).contains("not a valid URL");
        assertThat(refusal(documents, "https:///x")).contains("host");
        assertThat(fetches).isEmpty();
    }

    @Test
    void internalAddressesAreNeverFetchedUnlessTheTestSwitchAllowsLoopback() throws Exception {
        ClientMetadataDocuments documents = documents(false);
        for (String internal : List.of("https://127.0.0.1/c.json", "https://[::1]/c.json",
                "https://localhost/c.json", "https://10.1.2.3/c.json", "https://192.168.1.1/c.json",
                "https://172.16.0.9/c.json", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/c.json", "https://0.0.0.0/c.json", "https://[fd00::1]/c.json",
                "https://[fe80::1]/c.json", "https://224.0.0.1/c.json", "https://240.0.0.1/c.json",
                "https://198.18.0.1/c.json", "https://192.0.0.8/c.json", "https://[::ffff:127.0.0.1]/c.json")) {
            assertThat(refusal(documents, internal)).as(internal).contains("loopback, private or link-local");
        }
        // a public name that resolves to an internal address (one of several) is refused too
        dns.put("rebind.example.com", new InetAddress[] {InetAddress.getByName("93.184.215.14"),
                InetAddress.getByName("10.0.0.5")});
        assertThat(refusal(documents, "https://rebind.example.com/c.json")).contains("private");
        assertThat(fetches).isEmpty();
        assertThat(ClientMetadataDocuments.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(ClientMetadataDocuments.isInternal(InetAddress.getByName("2606:4700::1111"))).isFalse();

        ClientMetadataDocuments testing = documents(true);
        String loopback = "http://127.0.0.1:8089/clients/inspector.json";
        serve(loopback, document(loopback, ""), null);
        assertThat(testing.resolve(loopback).clientId()).isEqualTo(loopback);
        assertThat(refusal(testing, "https://10.1.2.3/c.json")).contains("private");
        assertThat(refusal(testing, "http://10.1.2.3/c.json")).contains("https");
    }

    @Test
    void documentsThatDoNotDescribeThisClientAreRefusedAndTheRefusalIsRemembered() {
        ClientMetadataDocuments documents = documents(false);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put(document("https://other.example.com/client.json", ""), "is not its URL");
        bad.put(document(URL, ",\"client_secret\":\"s3cret\""), "client secret");
        bad.put(document(URL, "").replace("\"none\"", "\"client_secret_basic\""), "must be none");
        bad.put(document(URL, "").replace("http://127.0.0.1:6276/oauth/callback", "https://x.example/#f"),
                "fragment");
        bad.put(document(URL, "").replace(",\"redirect_uris\":[\"http://127.0.0.1:6276/oauth/callback\"]", ""),
                "redirect_uris");
        bad.put("[1,2]", "not a JSON object");
        bad.put("{not json", "not valid JSON");
        bad.put("{\"client_id\":\"" + URL + "\",\"redirect_uris\":[\"https://a.example/cb\"],\"padding\":\""
                + "x".repeat(1100) + "\"}", "larger than 1024 bytes");
        int i = 0;
        for (Map.Entry<String, String> one : bad.entrySet()) {
            String url = URL + "?case=" + i++;
            serve(url, one.getKey().replace(URL + "\"", url + "\""), "max-age=600");
            assertThat(refusal(documents, url)).as(one.getKey()).contains(one.getValue());
        }
        served.put(URL, new ClientMetadataDocuments.Fetched(404, new byte[0], null));
        assertThat(refusal(documents, URL)).contains("HTTP 404");
        assertThat(refusal(documents, URL)).contains("HTTP 404");
        assertThat(fetches.stream().filter(uri -> uri.toString().equals(URL))).as("remembered").hasSize(1);
        assertThat(cache.getAdvancedCache().getCacheEntry("m:" + ClientRegistry.sha256(URL)).getLifespan())
                .isEqualTo(Duration.ofMinutes(1).toMillis());
        String down = "https://app.example.com/down.json";
        assertThat(refusal(documents, down)).contains("could not be fetched");
    }

    @Test
    void anUnknownHostIsRefused() {
        ClientMetadataDocuments documents = new ClientMetadataDocuments(() -> cache, registry, mapper,
                Clock.systemUTC(), new ClientMetadataDocuments.Settings(Duration.ofSeconds(1), 1024,
                        Duration.ofMinutes(1), Duration.ofHours(1), false),
                (uri, timeout, max) -> {
                    throw new AssertionError("no fetch");
                },
                host -> {
                    throw new java.net.UnknownHostException(host);
                });
        assertThat(refusal(documents, "https://nowhere.example/c.json")).contains("unknown");
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://a/b")).isTrue();
        assertThat(ClientMetadataDocuments.isDocumentUrl("HTTP://a/b")).isTrue();
        assertThat(ClientMetadataDocuments.isDocumentUrl("abcDEF123")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl(null)).isFalse();
    }
}
