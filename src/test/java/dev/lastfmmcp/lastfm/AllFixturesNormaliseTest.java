package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded non-error Last.fm body of a read method (the method is the file name before {@code __}) normalises
 * and serialises without a raw Last.fm key, an empty string or a number spelled as a string.
 */
class AllFixturesNormaliseTest {

    private static final Set<String> WRITE_METHODS = Set.of("track.scrobble", "track.love", "track.updatenowplaying");
    private static final Pattern NUMERIC_FIELD = Pattern.compile(
            "rank|page|perPage|totalPages|total|reach|taggings|age|position|durationSeconds|match|listeners"
            + "|.*[cC]ount");

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    static List<String> readFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Fixtures.class.getResource("/fixtures/lastfm").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && name.contains("__"))
                    .filter(name -> !WRITE_METHODS.contains(method(name).toLowerCase()))
                    .filter(name -> !Fixtures.lastfmJson(name).has("error"))
                    .sorted()
                    .toList();
        }
    }

    private static String method(String file) {
        return file.substring(0, file.indexOf("__"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readFixtures")
    void normalisesToCleanJson(String file) {
        Object normalised = normalizer.normalize(method(file), Fixtures.lastfmJson(file));

        String json = Fixtures.write(normalised);
        assertThat(json).doesNotContain("#text", "@attr", "\"mbid\":\"\"", "opensearch:", "streamable")
                .doesNotContain(":\"\"", ":null");
        assertNumbersAreNumbers(Fixtures.json(json), file);
    }

    @Test
    void coversTheRecordedReadMethods() throws Exception {
        List<String> files = readFixtures();
        assertThat(files).hasSizeGreaterThanOrEqualTo(45)
                .contains("user.getRecentTracks__frikandel_-limit1-extended-nowplaying.json",
                        "user.getWeeklyArtistChart__jklinge.json", "album.search__no-results-legacy.json")
                .noneMatch(name -> name.startsWith("error__") || name.startsWith("track.scrobble__"));
        assertThat(files).allSatisfy(name -> assertThat(normalizer.supports(method(name))).isTrue());
    }

    private static void assertNumbersAreNumbers(JsonNode node, String file) {
        if (node.isArray()) {
            node.forEach(item -> assertNumbersAreNumbers(item, file));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isValueNode() && NUMERIC_FIELD.matcher(field.getKey()).matches()) {
                    assertThat(field.getValue().isNumber()).as("%s: %s", file, field).isTrue();
                }
                assertNumbersAreNumbers(field.getValue(), file);
            }
        }
    }
}
