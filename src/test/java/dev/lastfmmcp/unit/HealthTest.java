package dev.lastfmmcp.unit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmKeyStatus;
import dev.lastfmmcp.lastfm.LastfmOutcome;
import dev.lastfmmcp.web.Health;
import dev.lastfmmcp.web.HealthChecks;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {

    private static Health.Report report(Map<String, Health.Check> checks) throws Exception {
        Map<String, Supplier<Health.Check>> suppliers = new LinkedHashMap<>();
        checks.forEach((name, check) -> suppliers.put(name, () -> check));
        return new Health(suppliers, "1.0", AppConfiguration.objectMapper()).check();
    }

    private static JsonNode json(Health.Report report) throws Exception {
        return AppConfiguration.objectMapper().readTree(report.json());
    }

    @Test
    void theWorstCheckDecidesAndOnlyDownIs503() throws Exception {
        Health.Report up = report(Map.of("a", Health.Check.up(null)));
        assertThat(up.httpStatus()).isEqualTo(200);
        assertThat(json(up).get("status").asText()).isEqualTo("UP");

        Map<String, Health.Check> degraded = new LinkedHashMap<>();
        degraded.put("a", Health.Check.up("fine"));
        degraded.put("b", Health.Check.degraded("no key"));
        Health.Report degradedReport = report(degraded);
        assertThat(degradedReport.httpStatus()).isEqualTo(200);
        assertThat(json(degradedReport).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(json(degradedReport).get("reasons")).extracting(JsonNode::asText).containsExactly("b: no key");

        degraded.put("c", Health.Check.down("cache stopped"));
        Health.Report down = report(degraded);
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(json(down).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(down).get("reasons")).extracting(JsonNode::asText)
                .containsExactly("b: no key", "c: cache stopped");
    }

    @Test
    void aCheckThatThrowsIsDown() throws Exception {
        Health health = new Health(Map.of("x", () -> {
            throw new IllegalStateException("boom");
        }), "1.0", AppConfiguration.objectMapper());
        assertThat(health.check().httpStatus()).isEqualTo(503);
    }

    @Test
    void infinispanNotRunningIsDown() {
        DefaultCacheManager stopped = new DefaultCacheManager(
                new GlobalConfigurationBuilder().nonClusteredDefault().build(), false);
        Health.Check check = InfinispanStores.check(stopped);
        assertThat(check.status()).isEqualTo(Health.Status.DOWN);
        assertThat(check.detail()).startsWith("cache manager ");
    }

    @Test
    void lastfmKey() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        LastfmKeyStatus status = new LastfmKeyStatus(clock);
        assertThat(HealthChecks.lastfmKey(false, status).status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(HealthChecks.lastfmKey(false, status).detail()).contains("LASTFM_API_KEY");
        assertThat(HealthChecks.lastfmKey(true, status).status()).isEqualTo(Health.Status.UP);

        status.observe(LastfmOutcome.failedWith(new LastfmException(LastfmErrorKind.BAD_API_KEY, 26, "suspended")));
        assertThat(HealthChecks.lastfmKey(true, status)).isEqualTo(Health.Check.degraded(
                "Last.fm refused the API key (error 26) at 2026-12-03T10:00:00Z; check LASTFM_API_KEY"));
        // a "not found" is an answer to a good key
        status.observe(LastfmOutcome.failedWith(new LastfmException(LastfmErrorKind.NOT_FOUND, 6, "not found")));
        assertThat(HealthChecks.lastfmKey(true, status).status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void lastfmBreaker() {
        assertThat(HealthChecks.lastfmBreaker("CLOSED").status()).isEqualTo(Health.Status.UP);
        assertThat(HealthChecks.lastfmBreaker("HALF_OPEN").status()).isEqualTo(Health.Status.UP);
        assertThat(HealthChecks.lastfmBreaker("OPEN").status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(HealthChecks.lastfmBreaker("FORCED_OPEN").status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(HealthChecks.lastfmBreaker(null).status()).isEqualTo(Health.Status.UP);
    }

    @Test
    void heapPressureAboveTheThresholdIsDegraded() {
        long mb = 1024 * 1024;
        assertThat(HealthChecks.heap(new HealthChecks.Heap(200 * mb, 256 * mb), 90).status())
                .isEqualTo(Health.Status.UP);
        Health.Check pressed = HealthChecks.heap(new HealthChecks.Heap(240 * mb, 256 * mb), 90);
        assertThat(pressed.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(pressed.detail()).isEqualTo("93.8 % of the 256 MB heap in use after collection (threshold 90 %)");
        assertThat(HealthChecks.jvmHeap().get().used()).isPositive();
    }
}
