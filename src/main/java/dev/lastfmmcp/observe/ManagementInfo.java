package dev.lastfmmcp.observe;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /observe/info}: what runs here (name, version, start time, protocol versions, Camel and Java). */
public final class ManagementInfo {

    private ManagementInfo() {
    }

    public static String json(ObjectMapper mapper, String name, String version, Instant startedAt,
            List<String> protocolVersions, String camelVersion) {
        ObjectNode info = mapper.createObjectNode();
        info.put("name", name);
        info.put("version", version);
        info.put("startedAt", startedAt.toString());
        protocolVersions.forEach(info.putArray("protocolVersions")::add);
        info.put("camelVersion", camelVersion);
        info.put("javaVersion", System.getProperty("java.version"));
        try {
            return mapper.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
