package dev.lastfmmcp.mcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.format.SafeText;

/**
 * What a session keeps of the client's {@code initialize}: its capabilities as far as they fit in a bound (the server
 * only needs to know which capabilities exist and their flags), and its name and version cut to a readable length.
 * A client cannot make its session bigger than {@code maxChars} of capabilities however much it sends.
 */
public final class ClientCapabilities {

    /** Capabilities kept; real clients send four or five. */
    static final int MAX_MEMBERS = 16;
    static final int MAX_NAME_LENGTH = 64;
    /** Longest client name or version kept. */
    public static final int MAX_INFO_LENGTH = 100;

    private ClientCapabilities() {
    }

    /**
     * The capabilities as sent when their JSON fits in {@code maxChars}; otherwise each one keeps only its boolean
     * flags (such as {@code roots.listChanged}), and when even that is too long, only its name.
     */
    public static Map<String, Object> bounded(JsonNode capabilities, int maxChars, ObjectMapper mapper) {
        if (!(capabilities instanceof ObjectNode object)) {
            return Map.of();
        }
        ObjectNode kept = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && kept.size() < MAX_MEMBERS;) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().length() <= MAX_NAME_LENGTH) {
                kept.set(member.getKey(), member.getValue());
            }
        }
        if (kept.toString().length() > maxChars) {
            kept.fields().forEachRemaining(member -> member.setValue(flags(member.getValue(), mapper)));
        }
        if (kept.toString().length() > maxChars) {
            kept.fields().forEachRemaining(member -> member.setValue(mapper.createObjectNode()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.convertValue(kept, LinkedHashMap.class);
        return map;
    }

    /** A client name or version from {@code clientInfo}, cut to {@link #MAX_INFO_LENGTH}; null when not a string. */
    public static String info(JsonNode clientInfo, String field) {
        JsonNode value = clientInfo == null ? null : clientInfo.get(field);
        return value != null && value.isTextual() ? SafeText.clip(value.textValue(), MAX_INFO_LENGTH) : null;
    }

    private static ObjectNode flags(JsonNode capability, ObjectMapper mapper) {
        ObjectNode flags = mapper.createObjectNode();
        if (capability.isObject()) {
            capability.fields().forEachRemaining(member -> {
                if (member.getValue().isBoolean() && member.getKey().length() <= MAX_NAME_LENGTH
                    && flags.size() < MAX_MEMBERS) {
                    flags.set(member.getKey(), member.getValue());
                }
            });
        }
        return flags;
    }
}
