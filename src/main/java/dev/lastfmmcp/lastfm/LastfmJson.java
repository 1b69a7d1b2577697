package dev.lastfmmcp.lastfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lastfmmcp.lastfm.model.Page;

/**
 * Lenient static accessors over Last.fm's machine-translated-XML JSON: lists that may be objects or {@code "\n"},
 * numbers that may be strings, {@code #text} members, empty MBIDs, Unix-second dates, image arrays and HTML bios.
 */
public final class LastfmJson {

    /** The hash of the grey star Last.fm serves for every artist image since 2019. */
    static final String ARTIST_PLACEHOLDER = "2a96cbd8b46e442fc41c2b86b821562f";

    private static final List<String> IMAGE_SIZES = List.of("mega", "extralarge", "large", "medium", "small");

    private static final Pattern READ_MORE_LINK = Pattern.compile(
            "<a\\b[^>]*>\\s*Read more\\b[^<]*?on Last\\.fm\\s*</a>\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_MORE_TEXT = Pattern.compile(
            "\\s*Read more(?: about [^\\n]{1,200}?)? on Last\\.fm\\.?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENCE = Pattern.compile(
            "User-contributed text is available under the Creative Commons By-SA License[^\\n]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_END_TAG = Pattern.compile("</p\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("quot", "\""), Map.entry("amp", "&"), Map.entry("apos", "'"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("nbsp", " "), Map.entry("hellip", "…"), Map.entry("ndash", "–"),
            Map.entry("mdash", "—"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"));

    /** "09 Jan 2011, 12:41" (bios and wikis today, UTC). */
    private static final DateTimeFormatter SHORT_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private LastfmJson() {
    }

    /**
     * The repeated child {@code key} of {@code parent} as a list: an array as it is, a single object as a one-item
     * list, and a missing key, null, or a blank string ({@code ""}, {@code "\n"}) as an empty list.
     */
    public static List<JsonNode> list(JsonNode parent, String key) {
        if (parent == null) {
            return List.of();
        }
        JsonNode value = parent.path(key);
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>(value.size());
            value.forEach(item -> {
                if (item.isObject() || (item.isTextual() && !item.asText().isBlank())) {
                    items.add(item);
                }
            });
            return List.copyOf(items);
        }
        if (value.isObject()) {
            return List.of(value);
        }
        return List.of();
    }

    /** A whole number from a JSON number or a numeric string; null when missing, empty or not a whole number. */
    public static Long longValue(JsonNode node) {
        BigDecimal number = decimal(node);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A whole number that fits an int, from a JSON number or a numeric string; otherwise null. */
    public static Integer intValue(JsonNode node) {
        Long value = longValue(node);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** A decimal number from a JSON number or a numeric string; null when missing, empty or not numeric. */
    public static Double doubleValue(JsonNode node) {
        BigDecimal number = decimal(node);
        return number == null ? null : number.doubleValue();
    }

    /** A string value, or the {@code #text} member of an object, trimmed; null when missing or empty. */
    public static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.isObject() ? node.path("#text") : node;
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A MusicBrainz id, or null when Last.fm sent none, {@code ""} or blanks. */
    public static String mbid(JsonNode node) {
        return text(node);
    }

    /** A "0"/"1", "true"/"false" or numeric flag as a Boolean; null when missing or unrecognised. */
    public static Boolean flag(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> Boolean.TRUE;
            case "0", "false", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * An instant from Unix seconds: the node itself (string or number), or an object's {@code uts},
     * {@code unixtime} or numeric {@code #text} member (as in {@code date} and {@code registered}); else null.
     */
    public static Instant instant(JsonNode node) {
        if (node == null) {
            return null;
        }
        Long seconds = null;
        if (node.isObject()) {
            for (String key : List.of("uts", "unixtime", "#text")) {
                seconds = longValue(node.path(key));
                if (seconds != null) {
                    break;
                }
            }
        } else {
            seconds = longValue(node);
        }
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /**
     * A bio or wiki {@code published} date as an instant: "09 Jan 2011, 12:41" (UTC) or the older RFC 1123 form
     * "Sat, 14 Jul 2012 12:33:01 +0000"; null when blank or in another format.
     */
    public static Instant published(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return LocalDateTime.parse(value, SHORT_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A duration given in seconds; null when missing or {@code 0} (Last.fm's "unknown"). */
    public static Integer seconds(JsonNode node) {
        Long value = longValue(node);
        return value == null || value <= 0 || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** A duration given in milliseconds (track.getInfo), rounded to seconds; null when missing or {@code 0}. */
    public static Integer secondsFromMillis(JsonNode node) {
        Long value = longValue(node);
        return value == null || value <= 0 ? null : (int) Math.min(Integer.MAX_VALUE, Math.round(value / 1000.0));
    }

    /**
     * A similarity as a fraction 0..1. Last.fm sends fractions ("0.600213", 1); a value above 1 is taken as a
     * percentage, as the old 1.0 API sent.
     */
    public static Double fraction(JsonNode node) {
        Double value = doubleValue(node);
        if (value == null || value < 0) {
            return null;
        }
        return value > 1 ? Math.min(1.0, value / 100.0) : value;
    }

    /**
     * The URL of the largest non-empty image in a Last.fm {@code image} array (mega, extralarge, large, medium,
     * small, then unsized), skipping the artist placeholder star; null when there is none.
     */
    public static String imageUrl(JsonNode images) {
        List<JsonNode> entries = new ArrayList<>();
        if (images != null && images.isArray()) {
            images.forEach(entries::add);
        } else if (images != null && images.isObject()) {
            entries.add(images);
        }
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (JsonNode entry : entries) {
            String url = text(entry);
            if (url == null || url.contains(ARTIST_PLACEHOLDER)) {
                continue;
            }
            String size = String.valueOf(text(entry.path("size"))).toLowerCase(Locale.ROOT);
            int rank = IMAGE_SIZES.indexOf(size);
            rank = rank < 0 ? IMAGE_SIZES.size() : rank;
            if (rank < bestRank) {
                best = url;
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * A bio or wiki as plain text: the "Read more on Last.fm" link and the Creative Commons notice removed, tags
     * stripped, entities decoded, runs of spaces collapsed, paragraph breaks kept as blank lines; null when blank.
     */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = READ_MORE_LINK.matcher(html).replaceAll("");
        text = LINE_BREAK_TAG.matcher(text).replaceAll("\n");
        text = PARAGRAPH_END_TAG.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        text = LICENCE.matcher(text).replaceAll("");
        text = collapseWhitespace(text);
        text = READ_MORE_TEXT.matcher(text).replaceAll("");
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The pagination of a list: {@code page}, {@code perPage}, {@code totalPages}, {@code total} from an
     * {@code @attr} object (or a legacy container with the attributes inlined), or the OpenSearch members of a
     * search {@code results} object. A missing or legacy {@code "0"} page becomes 1.
     */
    public static Page page(JsonNode attr) {
        return page(attr, 0);
    }

    /** Like {@link #page(JsonNode)}, counting {@code itemCount} as the page size and total when those are absent. */
    public static Page page(JsonNode attr, int itemCount) {
        JsonNode source = attr == null ? MissingNode.getInstance() : attr;
        if (source.has("opensearch:totalResults") || source.has("opensearch:itemsPerPage")) {
            return openSearchPage(source, itemCount);
        }
        Long total = longValue(source.path("total"));
        Integer perPage = intValue(source.path("perPage"));
        Integer totalPages = intValue(source.path("totalPages"));
        Integer page = intValue(source.path("page"));
        return pageOf(page, perPage, totalPages, total, itemCount);
    }

    private static Page openSearchPage(JsonNode results, int itemCount) {
        Long total = longValue(results.path("opensearch:totalResults"));
        Integer perPage = intValue(results.path("opensearch:itemsPerPage"));
        Long startIndex = longValue(results.path("opensearch:startIndex"));
        Integer page = null;
        if (startIndex != null && perPage != null && perPage > 0) {
            page = (int) (startIndex / perPage) + 1;
        } else {
            page = intValue(results.path("opensearch:Query").path("startPage"));
        }
        return pageOf(page, perPage, null, total, itemCount);
    }

    private static Page pageOf(Integer page, Integer perPage, Integer totalPages, Long total, int itemCount) {
        int size = perPage != null && perPage >= 0 ? perPage : itemCount;
        long count = total != null && total >= 0 ? total : itemCount;
        int pages = totalPages != null && totalPages >= 0 ? totalPages
                : size > 0 ? (int) Math.min(Integer.MAX_VALUE, (count + size - 1) / size) : 0;
        int number = page != null && page > 0 ? page : 1;
        return new Page(number, size, pages, count);
    }

    /** The attributes of a list container: its {@code @attr} object, or the container itself (legacy inline form). */
    public static JsonNode attr(JsonNode container) {
        JsonNode attr = container == null ? null : container.get("@attr");
        return attr != null && attr.isObject() ? attr : container;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decodeEntity(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decodeEntity(String name, String original) {
        if (name.startsWith("#")) {
            try {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int codePoint = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
                return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : original;
            } catch (NumberFormatException e) {
                return original;
            }
        }
        return NAMED_ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), original);
    }

    private static String collapseWhitespace(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blankRun = 0;
        for (String line : lines) {
            String cleaned = line.strip().replaceAll("[ \\t\\x0B\\f]+", " ");
            if (cleaned.isEmpty()) {
                blankRun++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(cleaned);
            blankRun = 0;
        }
        return out.toString();
    }
}
