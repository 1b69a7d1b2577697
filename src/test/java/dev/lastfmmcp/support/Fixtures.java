package dev.lastfmmcp.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/** Recorded Last.fm and MusicBrainz responses from {@code src/test/resources/fixtures}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String lastfm(String name) {
        return read("/fixtures/lastfm/" + name);
    }

    public static String musicbrainz(String name) {
        return read("/fixtures/musicbrainz/" + name);
    }

    public static JsonNode lastfmJson(String name) {
        return json(lastfm(name));
    }

    public static JsonNode musicbrainzJson(String name) {
        return json(musicbrainz(name));
    }

    /** A hand-written body. */
    public static JsonNode json(String text) {
        try {
            return RawMcp.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} serialised the way tool results and resources are. */
    public static String write(Object value) {
        try {
            return RawMcp.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
