package dev.lastfmmcp.unit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.oauth.ClientRegistry;
import dev.lastfmmcp.oauth.RegisteredClient;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The registered clients: what is stored, what is read back, the unused and used lifetimes, secrets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRegistryTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private DefaultCacheManager manager;
    private Cache<String, String> cache;
    private ClientRegistry clients;

    @BeforeAll
    void start() {
        manager = new DefaultCacheManager();
        manager.defineConfiguration("clients", new ConfigurationBuilder().build());
        cache = manager.getCache("clients");
        clients = new ClientRegistry(() -> cache, mapper, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"),
                ZoneOffset.UTC), new ClientRegistry.Settings(4096, Duration.ofHours(24), Duration.ofDays(90)));
    }

    @AfterAll
    void stop() {
        manager.stop();
    }

    @Test
    void aRegisteredClientIsFoundWithItsMetadataAndExpiresUnusedThenLivesLongerOnceUsed() throws Exception {
        JsonNode answer = mapper.readTree(clients.register("{\"client_name\":\"Claude\",\"redirect_uris\":"
                + "[\"https://claude.ai/api/mcp/auth_callback\",\"https://claude.ai/api/mcp/auth_callback\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_method\":"
                + "\"client_secret_post\",\"scope\":\"lastfm:read lastfm:write\"}"));
        String id = answer.get("client_id").asText();
        RegisteredClient client = clients.find(id).orElseThrow();
        assertThat(client.displayName()).isEqualTo("Claude");
        assertThat(client.redirectUris()).containsExactly("https://claude.ai/api/mcp/auth_callback");
        assertThat(client.grantTypes()).containsExactly("authorization_code", "refresh_token");
        assertThat(client.isPublic()).isFalse();
        assertThat(client.scope()).isEqualTo("lastfm:read lastfm:write");
        assertThat(client.issuedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(client.used()).isFalse();
        assertThat(cache.getAdvancedCache().getCacheEntry(id).getLifespan())
                .isEqualTo(TimeUnit.HOURS.toMillis(24));

        String secret = answer.get("client_secret").asText();
        assertThat(ClientRegistry.secretMatches(client, secret)).isTrue();
        assertThat(ClientRegistry.secretMatches(client, secret + "x")).isFalse();
        assertThat(ClientRegistry.secretMatches(client, null)).isFalse();

        clients.markUsed(client);
        assertThat(clients.find(id).orElseThrow().used()).isTrue();
        assertThat(cache.getAdvancedCache().getCacheEntry(id).getLifespan()).isEqualTo(TimeUnit.DAYS.toMillis(90));
    }

    @Test
    void aPublicClientHasNoSecretToMatch() throws Exception {
        String id = mapper.readTree(clients.register("{\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                + "\"token_endpoint_auth_method\":\"none\"}")).get("client_id").asText();
        RegisteredClient client = clients.find(id).orElseThrow();
        assertThat(client.isPublic()).isTrue();
        assertThat(client.displayName()).isEqualTo(id);
        assertThat(ClientRegistry.secretMatches(client, "anything")).isFalse();
    }

    @Test
    void unknownMalformedAndCorruptIdsAreNotFound() {
        assertThat(clients.find("nope")).isEmpty();
        assertThat(clients.find(null)).isEmpty();
        assertThat(clients.find("x".repeat(65))).isEmpty();
        cache.put("corrupt", "{not json");
        assertThat(clients.find("corrupt")).isEmpty();
        clients.markUsed(new RegisteredClient("gone", null, java.util.List.of(), java.util.List.of(), "none", null,
                null, Instant.EPOCH, false));
        assertThat(cache.containsKey("gone")).isFalse();
    }
}
