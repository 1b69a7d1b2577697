package dev.lastfmmcp.lastfm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.NowPlaying;
import dev.lastfmmcp.lastfm.model.ScrobbleBatch;
import dev.lastfmmcp.lastfm.model.Scrobbled;
import dev.lastfmmcp.lastfm.model.WriteAck;

import static dev.lastfmmcp.lastfm.LastfmJson.flag;
import static dev.lastfmmcp.lastfm.LastfmJson.intValue;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** Normalises the answers of the write methods (track.love, track.unlove, track.updateNowPlaying, track.scrobble). */
final class WriteMapper {

    private WriteMapper() {
    }

    static WriteAck love(JsonNode body) {
        return new WriteAck("track.love");
    }

    static WriteAck unlove(JsonNode body) {
        return new WriteAck("track.unlove");
    }

    static NowPlaying nowPlaying(JsonNode body) {
        JsonNode n = body.path("nowplaying");
        return new NowPlaying(text(n.path("track")), text(n.path("artist")), text(n.path("album")),
                text(n.path("albumArtist")), corrected(n), code(n), text(n.path("ignoredMessage")));
    }

    static ScrobbleBatch scrobbles(JsonNode body) {
        JsonNode s = body.path("scrobbles");
        List<Scrobbled> items = new ArrayList<>();
        for (JsonNode item : LastfmJson.list(s, "scrobble")) {
            items.add(new Scrobbled(text(item.path("track")), text(item.path("artist")), text(item.path("album")),
                    text(item.path("albumArtist")), longValue(item.path("timestamp")), corrected(item), code(item),
                    text(item.path("ignoredMessage"))));
        }
        JsonNode attr = s.path("@attr");
        Integer accepted = intValue(attr.path("accepted"));
        Integer ignored = intValue(attr.path("ignored"));
        long acceptedItems = items.stream().filter(Scrobbled::accepted).count();
        return new ScrobbleBatch(items, accepted == null ? (int) acceptedItems : accepted,
                ignored == null ? items.size() - (int) acceptedItems : ignored);
    }

    private static boolean corrected(JsonNode item) {
        return Boolean.TRUE.equals(flag(item.path("track").path("corrected")))
               || Boolean.TRUE.equals(flag(item.path("artist").path("corrected")))
               || Boolean.TRUE.equals(flag(item.path("album").path("corrected")));
    }

    private static int code(JsonNode item) {
        Integer code = intValue(item.path("ignoredMessage").path("code"));
        return code == null ? 0 : code;
    }
}
