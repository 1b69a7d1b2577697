package dev.lastfmmcp.audit;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Makes parameters safe to store: secrets (keys, tokens, signatures, passwords, session keys) are replaced, long
 * strings cut, long arrays, objects with many members, long member names and deep nesting bounded, so a record's
 * size has a ceiling whatever a client sends.
 */
public class Redactor {

    public static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_KEYS = Set.of("api_key", "apikey", "api_sig", "sk", "session_key",
            "sessionkey", "authorization", "cookie", "password", "passwd", "code_verifier");
    private static final int MAX_ARRAY_ITEMS = 20;
    private static final int MAX_DEPTH = 6;
    /** Members kept of one object; the rest are counted under {@link #MORE_MEMBERS}. */
    static final int MAX_MEMBERS = 50;
    /** Longest member name kept as it is; longer ones are cut. */
    static final int MAX_KEY_LENGTH = 64;
    public static final String MORE_MEMBERS = "…";

    private final int maxValueLength;

    public Redactor(int maxValueLength) {
        this.maxValueLength = maxValueLength;
    }

    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(k) || k.contains("secret") || k.contains("token") || k.contains("password");
    }

    public JsonNode redact(JsonNode node) {
        return redact(node, 0);
    }

    private JsonNode redact(JsonNode node, int depth) {
        if (node == null) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return TextNode.valueOf("…");
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            int kept = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (kept == MAX_MEMBERS) {
                    out.put(MORE_MEMBERS, (node.size() - MAX_MEMBERS) + " more members");
                    break;
                }
                // progress tokens are correlation handles, not credentials
                boolean secret = isSecretKey(field.getKey()) && !field.getKey().equals("progressToken");
                String key = field.getKey().length() <= MAX_KEY_LENGTH ? field.getKey()
                        : field.getKey().substring(0, MAX_KEY_LENGTH) + "…";
                if (!out.has(key)) {
                    kept++;
                }
                out.set(key, secret ? TextNode.valueOf(REDACTED) : redact(field.getValue(), depth + 1));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            for (JsonNode item : node) {
                if (i++ == MAX_ARRAY_ITEMS) {
                    out.add("… " + (node.size() - MAX_ARRAY_ITEMS) + " more");
                    break;
                }
                out.add(redact(item, depth + 1));
            }
            return out;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(truncate(node.textValue()));
        }
        return node;
    }

    public String truncate(String value) {
        if (value == null || value.length() <= maxValueLength) {
            return value;
        }
        return value.substring(0, maxValueLength) + "…(+" + (value.length() - maxValueLength) + " chars)";
    }
}
