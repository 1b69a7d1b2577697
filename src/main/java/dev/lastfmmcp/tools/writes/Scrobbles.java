package dev.lastfmmcp.tools.writes;

/** Last.fm's scrobble wording: what its ignoredMessage codes mean. */
final class Scrobbles {

    private Scrobbles() {
    }

    /**
     * The reason Last.fm gave, in words: its text when it sent one, else the meaning of its code (1 artist ignored,
     * 2 track ignored, 3 timestamp too old, 4 timestamp too new, 5 daily scrobble limit exceeded).
     */
    static String ignoredReason(int code, String message) {
        String meaning = switch (code) {
            case 1 -> "the artist was ignored";
            case 2 -> "the track was ignored";
            case 3 -> "the timestamp is too old";
            case 4 -> "the timestamp is too far in the future";
            case 5 -> "the daily scrobble limit is reached";
            default -> "ignored";
        };
        return (message == null || message.isBlank() ? meaning : message) + " (code " + code + ")";
    }
}
