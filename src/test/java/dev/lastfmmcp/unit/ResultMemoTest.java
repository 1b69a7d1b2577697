package dev.lastfmmcp.unit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.support.ResultMemo;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** support.ResultMemo (the @Memoized results) and the JSON the codec keeps for them. */
class ResultMemoTest {

    private final List<Object> kept = new ArrayList<>();
    private final ResultMemo memo = new ResultMemo(100, Duration.ofMinutes(10), kept::add);

    @Test
    void argumentsAreKeyedByValueAndCachedDataByInstance() {
        Object data = new StringBuilder("artist");
        Object key = memo.key("info", new Object[] {Map.of("artist", "Cher", "limit", 3), LastfmResult.fresh(data)});
        assertThat(key).isNotNull()
                .isEqualTo(memo.key("info", new Object[] {Map.of("limit", 3, "artist", "Cher"), LastfmResult.fresh(data)}));
        // the same text in another instance is another upstream answer
        assertThat(key).isNotEqualTo(
                memo.key("info", new Object[] {Map.of("artist", "Cher", "limit", 3), LastfmResult.fresh(new StringBuilder("artist"))}));
        assertThat(key).isNotEqualTo(memo.key("info", new Object[] {Map.of("artist", "Cher", "limit", 4), LastfmResult.fresh(data)}));
        assertThat(key).isNotEqualTo(memo.key("other", new Object[] {Map.of("artist", "Cher", "limit", 3), LastfmResult.fresh(data)}));
        assertThat(memo.key("info", new Object[] {null})).isEqualTo(memo.key("info", new Object[] {null}));
    }

    @Test
    void staleAnswersTransientFailuresAndOtherObjectsAreNeverMemoized() {
        Object data = new Object();
        assertThat(memo.key("info", new Object[] {LastfmResult.stale(data, Duration.ofSeconds(5))})).isNull();
        assertThat(memo.key("info", new Object[] {Enrichment.unavailable("MusicBrainz is busy")})).isNull();
        assertThat(memo.key("info", new Object[] {new Object()})).isNull();
        assertThat(memo.key("info", new Object[] {Map.of("k", new Object())})).isNull();
        assertThat(memo.key("info", new Object[] {Enrichment.none("switched off")}))
                .isEqualTo(memo.key("info", new Object[] {Enrichment.none("switched off")}))
                .isNotEqualTo(memo.key("info", new Object[] {Enrichment.none("no confident match")}));
        assertThat(ResultMemo.off().key("info", new Object[] {"x"})).isNull();
    }

    @Test
    void aResultIsComputedOnceAndFailuresAreNotKept() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Object> key = memo.key("info", new Object[] {"Cher"});
        Object first = memo.get(key, () -> "result " + runs.incrementAndGet());
        assertThat(memo.get(key, () -> "result " + runs.incrementAndGet())).isSameAs(first);
        assertThat(runs).hasValue(1);
        assertThat(kept).containsExactly(first);

        List<Object> failing = memo.key("info", new Object[] {"Björk"});
        assertThatThrownBy(() -> memo.get(failing, () -> {
            throw new IllegalStateException("upstream");
        })).hasMessage("upstream");
        assertThat(memo.get(failing, () -> "now")).isEqualTo("now");
    }

    @Test
    void aRememberedResultIsWrittenByteForByteAsBefore() {
        ObjectMapper mapper = AppConfiguration.objectMapper();
        JsonRpcCodec codec = new JsonRpcCodec(mapper);
        McpSchema.CallToolResult result = new McpSchema.CallToolResult(
                List.of(new McpSchema.TextContent("## Cher\n\n- Listeners: 1 · \"quoted\" \u00e9 \u2603")), false,
                Map.of("artist", Map.of("name", "Cher", "tags", List.of("pop", "disco"))), null);
        byte[] before = codec.writeBytes(codec.result(IntNode.valueOf(7), result));
        codec.remember(result);
        assertThat(((POJONode) codec.result(IntNode.valueOf(7), result).get("result")).getPojo())
                .isInstanceOf(RawValue.class);
        byte[] after = codec.writeBytes(codec.result(IntNode.valueOf(7), result));
        assertThat(new String(after, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(before, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(codec.write(codec.result(IntNode.valueOf(8), result))).contains("\"id\":8").contains("Listeners: 1");
        // every kind of id, against a codec that never kept the result
        JsonRpcCodec plain = new JsonRpcCodec(mapper);
        for (com.fasterxml.jackson.databind.JsonNode id : List.of(IntNode.valueOf(-3),
                com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.MAX_VALUE),
                com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(new java.math.BigInteger("123456789012345678901234567890")),
                com.fasterxml.jackson.databind.node.TextNode.valueOf("r\"1\\\u00e9\u2603\n"),
                com.fasterxml.jackson.databind.node.NullNode.instance)) {
            assertThat(new String(codec.writeBytes(codec.result(id, result)), java.nio.charset.StandardCharsets.UTF_8))
                    .as(id.toString())
                    .isEqualTo(new String(plain.writeBytes(plain.result(id, result)), java.nio.charset.StandardCharsets.UTF_8));
        }
        // an equal result that is another instance is written as it is
        McpSchema.CallToolResult other = new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("other")), false,
                null, null);
        assertThat(codec.write(codec.result(IntNode.valueOf(9), other))).contains("\"text\":\"other\"");
    }

    /** Every @Memoized method can be keyed: its parameters are values or MemoKeys, and it returns a result. */
    @Test
    void everyMemoizedMethodTakesKeyableParameters() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> memoized = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(classes.resolve("dev/lastfmmcp"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (java.lang.reflect.Method method : Class.forName(name, false, getClass().getClassLoader())
                        .getDeclaredMethods()) {
                    if (!method.isAnnotationPresent(dev.lastfmmcp.support.Memoized.class)) {
                        continue;
                    }
                    memoized.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
                    assertThat(method.getReturnType()).as(method.toString()).isEqualTo(McpSchema.CallToolResult.class);
                    for (Class<?> type : method.getParameterTypes()) {
                        assertThat(type == Map.class || dev.lastfmmcp.support.MemoKey.class.isAssignableFrom(type))
                                .as(method + ": " + type.getSimpleName() + " cannot be part of a memo key").isTrue();
                    }
                }
            }
        }
        assertThat(memoized).contains("ArtistTools.info", "AlbumTools.info", "TrackTools.info", "TagTools.topTracks")
                .hasSize(11);
    }
}
