package dev.lastfmmcp.unit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.audit.Redactor;
import dev.lastfmmcp.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit keeps of a client's parameters: arrays and nesting are bounded, secrets inside them replaced. */
class RedactorTest {

    private final Redactor redactor = new Redactor(10);

    @Test
    void arraysKeepTwentyItemsAndCountTheRest() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            items.append(i == 0 ? "" : ",").append('"').append("item-").append(i).append('"');
        }
        JsonNode out = redactor.redact(Fixtures.json(items.append("]").toString()));
        assertThat(out.isArray()).isTrue();
        assertThat(out).hasSize(21);
        assertThat(out.get(0).asText()).isEqualTo("item-0");
        assertThat(out.get(20).asText()).isEqualTo("… 5 more");
    }

    @Test
    void aShortArrayIsKeptWholeWithItsItemsRedacted() {
        JsonNode out = redactor.redact(Fixtures.json(
                "[{\"api_key\":\"k\",\"name\":\"a very long name indeed\"},7,true,null]"));
        assertThat(out).hasSize(4);
        assertThat(out.get(0).get("api_key").asText()).isEqualTo(Redactor.REDACTED);
        assertThat(out.get(0).get("name").asText()).isEqualTo("a very lon…(+13 chars)");
        assertThat(out.get(1).asInt()).isEqualTo(7);
        assertThat(out.get(2).asBoolean()).isTrue();
        assertThat(out.get(3).isNull()).isTrue();
    }

    @Test
    void nestingDeeperThanSixLevelsIsCut() {
        JsonNode out = redactor.redact(Fixtures.json("[[[[[[[[\"deep\"]]]]]]]]"));
        JsonNode node = out;
        for (int depth = 0; depth < 7; depth++) {
            assertThat(node.isArray()).as("level %d", depth).isTrue();
            node = node.get(0);
        }
        assertThat(node.asText()).isEqualTo("…");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void secretNamesAreRecognisedByPart() {
        assertThat(Redactor.isSecretKey("clientSecret")).isTrue();
        assertThat(Redactor.isSecretKey("refresh_token")).isTrue();
        assertThat(Redactor.isSecretKey("userPassword")).isTrue();
        assertThat(Redactor.isSecretKey("Cookie")).isTrue();
        assertThat(Redactor.isSecretKey("artist")).isFalse();
        assertThat(redactor.truncate(null)).isNull();
    }

    @Test
    void longMemberNamesThatCollideAfterCuttingCountOnce() {
        String prefix = "k".repeat(64);
        JsonNode out = redactor.redact(Fixtures.json("{\"" + prefix + "a\":1,\"" + prefix + "b\":2}"));
        assertThat(out).hasSize(1);
        assertThat(out.get(prefix + "…").asInt()).isEqualTo(2);
    }
}
