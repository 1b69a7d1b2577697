package dev.lastfmmcp.tools.writes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.model.ScrobbleBatch;
import dev.lastfmmcp.lastfm.model.Scrobbled;

/**
 * One scrobble_tracks (or scrobble_album) call as it goes (exchange variable {@code scrobbleRun}): the items checked
 * before anything is sent (timestamps Last.fm would ignore, duplicates within the call), the sendable ones split into
 * batches of at most {@value #BATCH} in order, and each item's outcome as the batches are answered. A batch whose
 * answer was lost leaves its items "unknown" (Last.fm may have recorded them; they are not sent again), and no later
 * batch is sent after a failed one, so nothing is lost silently or recorded twice.
 */
public final class ScrobbleRun {

    /** Last.fm takes at most 50 scrobbles per track.scrobble request. */
    public static final int BATCH = 50;
    /** Last.fm ignores scrobbles older than 14 days ... */
    static final Duration MAX_AGE = Duration.ofDays(14);
    /** ... and more than a day ahead. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    /** What became of one item. */
    public enum Status { PENDING, ACCEPTED, IGNORED, REFUSED, DUPLICATE, UNKNOWN, NOT_SENT }

    /** One scrobble as asked for, with its outcome. */
    public static final class Item {
        final int index;
        final String artist;
        final String track;
        final String album;
        final String albumArtist;
        final Long duration;
        final Long trackNumber;
        final Long timestamp;
        Status status = Status.PENDING;
        Integer code;
        String message;

        Item(int index, String artist, String track, String album, String albumArtist, Long duration,
             Long trackNumber, Long timestamp) {
            this.index = index;
            this.artist = artist;
            this.track = track;
            this.album = album;
            this.albumArtist = albumArtist;
            this.duration = duration;
            this.trackNumber = trackNumber;
            this.timestamp = timestamp;
        }

        void settle(Status status, Integer code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        public Map<String, Object> record() {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("index", index);
            record.put("artist", artist);
            record.put("track", track);
            if (album != null) {
                record.put("album", album);
            }
            if (timestamp != null) {
                record.put("timestamp", timestamp);
            }
            record.put("status", status.name().toLowerCase(Locale.ROOT));
            if (code != null) {
                record.put("code", code);
            }
            if (message != null) {
                record.put("message", message);
            }
            return record;
        }
    }

    private final List<Item> items;
    private final List<List<Item>> batches = new ArrayList<>();
    private int next;
    private boolean stopped;
    private String failure;
    private String note;

    ScrobbleRun(List<Item> items) {
        this.items = List.copyOf(items);
        List<Item> sendable = this.items.stream().filter(i -> i.status == Status.PENDING).toList();
        for (int from = 0; from < sendable.size(); from += BATCH) {
            batches.add(sendable.subList(from, Math.min(sendable.size(), from + BATCH)));
        }
    }

    /** The items of scrobble_tracks' {@code scrobbles} argument, checked against {@code now}. */
    static ScrobbleRun of(List<Map<String, Object>> scrobbles, Instant now) {
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (Map<String, Object> scrobble : scrobbles) {
            index++;
            Object when = scrobble.get("timestamp");
            Long timestamp = null;
            String refused = null;
            try {
                timestamp = epochSeconds(when);
            } catch (IllegalArgumentException e) {
                refused = e.getMessage();
            }
            Item item = new Item(index, text(scrobble.get("artist")), text(scrobble.get("track")),
                    text(scrobble.get("album")), text(scrobble.get("albumArtist")), number(scrobble.get("duration")),
                    number(scrobble.get("trackNumber")), timestamp);
            if (refused == null && timestamp != null) {
                refused = tooOldOrAhead(timestamp, now);
            }
            if (refused != null) {
                item.settle(Status.REFUSED, null, refused);
            } else if (!seen.add(item.artist.toLowerCase(Locale.ROOT) + "\u0000" + item.track.toLowerCase(Locale.ROOT)
                                 + "\u0000" + timestamp)) {
                item.settle(Status.DUPLICATE, null, "the same track at the same time is already in this call; "
                                                    + "it was sent once");
            }
            items.add(item);
        }
        return new ScrobbleRun(items);
    }

    /** Why Last.fm would ignore a scrobble at {@code timestamp}, or null. */
    static String tooOldOrAhead(long timestamp, Instant now) {
        Instant at = Instant.ofEpochSecond(timestamp);
        if (at.isBefore(now.minus(MAX_AGE))) {
            return "the timestamp " + at + " is more than 14 days ago: Last.fm ignores such scrobbles";
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            return "the timestamp " + at + " is more than a day ahead: Last.fm ignores such scrobbles";
        }
        return null;
    }

    /** Unix seconds, or an ISO-8601 date-time with an offset ({@code 2026-12-03T17:45:00+01:00}, {@code ...Z}). */
    static long epochSeconds(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.matches("[0-9]{1,12}")) {
            return Long.parseLong(text);
        }
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the timestamp \"" + text + "\" is neither Unix seconds nor an "
                                               + "ISO-8601 date-time with an offset, such as 2026-12-03T17:45:00Z");
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString().trim());
    }

    // ---------------------------------------------------------------- the batches

    /** Whether another batch goes out. */
    public boolean isMore() {
        return !stopped && next < batches.size();
    }

    public int getBatchCount() {
        return batches.size();
    }

    /** The items that will be sent (in order): every item that passed the checks. */
    public List<Item> sending() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** The next batch's track.scrobble request, as the user with session key {@code sk}. */
    LastfmRequest request(String sk) {
        Map<String, String> params = new LinkedHashMap<>();
        List<Item> batch = batches.get(next);
        for (int i = 0; i < batch.size(); i++) {
            Item item = batch.get(i);
            params.put("artist[" + i + "]", item.artist);
            params.put("track[" + i + "]", item.track);
            params.put("timestamp[" + i + "]", String.valueOf(item.timestamp));
            params.put("album[" + i + "]", item.album);
            params.put("albumArtist[" + i + "]", item.albumArtist);
            params.put("duration[" + i + "]", item.duration == null ? null : item.duration.toString());
            params.put("trackNumber[" + i + "]", item.trackNumber == null ? null : item.trackNumber.toString());
        }
        return new LastfmRequest("track.scrobble", params, sk);
    }

    /** Last.fm's answer to the current batch: each echo, in the order sent, settles its item. */
    void answered(ScrobbleBatch answer) {
        List<Item> batch = batches.get(next++);
        List<Scrobbled> echoes = answer.scrobbles();
        if (echoes.size() == batch.size()) {
            for (int i = 0; i < batch.size(); i++) {
                Scrobbled echo = echoes.get(i);
                batch.get(i).settle(echo.accepted() ? Status.ACCEPTED : Status.IGNORED,
                        echo.accepted() ? null : echo.ignoredCode(),
                        echo.accepted() ? null : Scrobbles.ignoredReason(echo.ignoredCode(), echo.ignoredMessage()));
            }
        } else if (answer.accepted() == batch.size()) {
            batch.forEach(item -> item.settle(Status.ACCEPTED, null, null));
        } else {
            batch.forEach(item -> item.settle(Status.UNKNOWN, null, "Last.fm answered for " + echoes.size()
                    + " of the " + batch.size() + " scrobbles of this batch (" + answer.accepted() + " accepted), "
                    + "so which ones it recorded is not known"));
        }
    }

    /**
     * The current batch failed: its items are "unknown" when the answer was lost after sending (Last.fm may have
     * recorded them), else not sent; no later batch goes out.
     */
    void failed(Exception failure) {
        List<Item> batch = batches.get(next++);
        boolean lost = failure instanceof LastfmException e && e.kind() == LastfmErrorKind.UNCONFIRMED;
        this.failure = failure.getMessage();
        batch.forEach(item -> item.settle(lost ? Status.UNKNOWN : Status.NOT_SENT, null, lost
                ? "sent, but Last.fm's answer was lost: it may or may not be recorded"
                : "not recorded: " + failure.getMessage()));
        for (int b = next; b < batches.size(); b++) {
            batches.get(b).forEach(item -> item.settle(Status.NOT_SENT, null,
                    "not sent: an earlier batch failed"));
        }
        stopped = true;
    }

    List<Item> items() {
        return items;
    }

    int count(Status status) {
        return (int) items.stream().filter(i -> i.status == status).count();
    }

    /** A sentence about how the items were made (scrobble_album's assumed lengths), or null. */
    String note() {
        return note;
    }

    ScrobbleRun withNote(String note) {
        this.note = note;
        return this;
    }

    /** The failure that stopped the batches, or null. */
    String failure() {
        return failure;
    }

    /** The earliest and latest timestamps among items in {@code status}, or null. */
    long[] range(Status status) {
        long[] range = null;
        for (Item item : items) {
            if (item.status == status && item.timestamp != null) {
                range = range == null ? new long[] {item.timestamp, item.timestamp}
                        : new long[] {Math.min(range[0], item.timestamp), Math.max(range[1], item.timestamp)};
            }
        }
        return range;
    }
}
