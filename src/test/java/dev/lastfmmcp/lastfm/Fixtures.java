package dev.lastfmmcp.lastfm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;

/** Loads the recorded Last.fm and MusicBrainz bodies from the test classpath and parses hand-written ones. */
public final class Fixtures {

    public static final ObjectMapper MAPPER = AppConfiguration.objectMapper();

    private Fixtures() {
    }

    public static JsonNode lastfm(String file) {
        return load("/fixtures/lastfm/" + file);
    }

    public static JsonNode musicbrainz(String file) {
        return load("/fixtures/musicbrainz/" + file);
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code value} serialised the way tool results and resources will be. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode load(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
