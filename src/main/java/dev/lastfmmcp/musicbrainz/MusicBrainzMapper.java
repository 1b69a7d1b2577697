package dev.lastfmmcp.musicbrainz;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps MusicBrainz ws/2 JSON (artist lookups with {@code inc=url-rels+tags+genres}, artist searches, release
 * groups) to small records, and decides when a name search found the artist for sure.
 */
public final class MusicBrainzMapper {

    /** The lowest search score accepted as a confident match. */
    public static final int CONFIDENT_SCORE = 95;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    /**
     * An artist lookup; the homepage is the first "official homepage" URL relation that has not ended, and tags
     * leave out the names already listed as genres.
     */
    public ArtistDetails artist(JsonNode lookup) {
        JsonNode lifeSpan = lookup.path("life-span");
        Boolean ended = lifeSpan.path("ended").isBoolean() ? lifeSpan.path("ended").asBoolean() : null;
        List<String> genres = namesByCount(lookup.path("genres"), Set.of());
        Set<String> genreKeys = genres.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new ArtistDetails(text(lookup.path("id")), text(lookup.path("name")), text(lookup.path("type")),
                text(lookup.path("country")), text(lookup.path("area").path("name")), text(lifeSpan.path("begin")),
                text(lifeSpan.path("end")), ended, homepage(lookup.path("relations")), genres,
                namesByCount(lookup.path("tags"), genreKeys), text(lookup.path("disambiguation")));
    }

    /**
     * The artist a search for {@code name} found for sure: the best score is at least {@value #CONFIDENT_SCORE}, and
     * exactly one result with that score has the queried name, ignoring case, accents and punctuation (a name match
     * beats an alias match). Empty for a lower score, another name, or two equally good candidates.
     */
    public Optional<ArtistMatch> confidentMatch(JsonNode searchBody, String name) {
        String wanted = comparable(name);
        List<JsonNode> artists = elements(searchBody.path("artists"));
        if (wanted.isEmpty() || artists.isEmpty()) {
            return Optional.empty();
        }
        int best = artists.stream().mapToInt(artist -> artist.path("score").asInt(0)).max().orElse(0);
        if (best < CONFIDENT_SCORE) {
            return Optional.empty();
        }
        List<JsonNode> top = artists.stream().filter(artist -> artist.path("score").asInt(0) == best).toList();
        int strongest = top.stream().mapToInt(artist -> matchStrength(artist, wanted)).max().orElse(0);
        List<JsonNode> matches = top.stream().filter(artist -> matchStrength(artist, wanted) == strongest).toList();
        if (strongest == 0 || matches.size() != 1) {
            return Optional.empty();
        }
        JsonNode artist = matches.get(0);
        return Optional.of(new ArtistMatch(text(artist.path("id")), text(artist.path("name")), best,
                text(artist.path("type")), text(artist.path("country")), text(artist.path("disambiguation"))));
    }

    /**
     * The release group a search for {@code title} by {@code artist} found for sure: the best score is at least
     * {@value #CONFIDENT_SCORE} and exactly one result with that score has the title (and, when credited, the
     * artist), ignoring case, accents and punctuation.
     */
    public Optional<ReleaseGroupDetails> confidentReleaseGroup(JsonNode searchBody, String title, String artist) {
        String wantedTitle = comparable(title);
        String wantedArtist = comparable(artist);
        List<JsonNode> groups = elements(searchBody.path("release-groups"));
        if (wantedTitle.isEmpty() || groups.isEmpty()) {
            return Optional.empty();
        }
        int best = groups.stream().mapToInt(group -> group.path("score").asInt(0)).max().orElse(0);
        if (best < CONFIDENT_SCORE) {
            return Optional.empty();
        }
        List<JsonNode> matches = groups.stream()
                .filter(group -> group.path("score").asInt(0) == best)
                .filter(group -> wantedTitle.equals(comparable(text(group.path("title")))))
                .filter(group -> {
                    String credit = artistCredit(group.path("artist-credit"));
                    return credit == null || wantedArtist.isEmpty() || comparable(credit).contains(wantedArtist);
                })
                .toList();
        return matches.size() == 1 ? Optional.of(releaseGroup(matches.get(0))) : Optional.empty();
    }

    /** A release group lookup (or one item of a browse). */
    public ReleaseGroupDetails releaseGroup(JsonNode releaseGroup) {
        List<String> secondary = elements(releaseGroup.path("secondary-types")).stream()
                .map(MusicBrainzMapper::text)
                .filter(Objects::nonNull)
                .toList();
        return new ReleaseGroupDetails(text(releaseGroup.path("id")), text(releaseGroup.path("title")),
                text(releaseGroup.path("first-release-date")), text(releaseGroup.path("primary-type")), secondary,
                artistCredit(releaseGroup.path("artist-credit")), text(releaseGroup.path("disambiguation")));
    }

    /** A name reduced for comparison: accents and marks dropped, lower case, only letters and digits kept. */
    static String comparable(String name) {
        if (name == null) {
            return "";
        }
        String unmarked = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        // recompose what NFKD split without marks (Hangul syllables into jamo)
        String folded = Normalizer.normalize(unmarked, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String lettersAndDigits = NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
        // a name made only of punctuation ("!!!") is compared as written
        return lettersAndDigits.isEmpty() ? folded.strip() : lettersAndDigits;
    }

    /** 2 when the artist's name matches, 1 when one of its aliases does, else 0. */
    private static int matchStrength(JsonNode artist, String wanted) {
        if (wanted.equals(comparable(text(artist.path("name"))))) {
            return 2;
        }
        for (JsonNode alias : elements(artist.path("aliases"))) {
            if (wanted.equals(comparable(text(alias.path("name"))))
                    || wanted.equals(comparable(text(alias.path("sort-name"))))) {
                return 1;
            }
        }
        return 0;
    }

    private static String homepage(JsonNode relations) {
        for (JsonNode relation : elements(relations)) {
            boolean ended = relation.path("ended").asBoolean(false) || text(relation.path("end")) != null;
            if ("official homepage".equalsIgnoreCase(text(relation.path("type"))) && !ended) {
                String url = text(relation.path("url").path("resource"));
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /** Tag or genre names, most votes first (then by name), without negative votes and without {@code exclude}. */
    private static List<String> namesByCount(JsonNode tags, Set<String> exclude) {
        return elements(tags).stream()
                .filter(tag -> text(tag.path("name")) != null && tag.path("count").asInt(0) >= 0)
                .sorted(Comparator.comparingInt((JsonNode tag) -> tag.path("count").asInt(0)).reversed()
                        .thenComparing(tag -> text(tag.path("name")), String.CASE_INSENSITIVE_ORDER))
                .map(tag -> text(tag.path("name")))
                .filter(name -> !exclude.contains(name.toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();
    }

    private static String artistCredit(JsonNode credits) {
        StringBuilder credit = new StringBuilder();
        for (JsonNode part : elements(credits)) {
            String name = text(part.path("name"));
            name = name != null ? name : text(part.path("artist").path("name"));
            credit.append(name == null ? "" : name).append(part.path("joinphrase").asText(""));
        }
        String value = credit.toString().strip();
        return value.isEmpty() ? null : value;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
