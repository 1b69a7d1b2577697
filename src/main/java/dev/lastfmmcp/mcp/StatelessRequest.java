package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a 2026-07-28 (stateless) request says about itself in its {@code _meta}: the protocol version, the client's
 * capabilities for this one request, who the client is (optional), and the least severe log level it wants
 * {@code notifications/message} for (null: none at all). There is no session: every request carries all of it.
 *
 * @param clientCapabilities the declared capabilities (an object, possibly empty)
 * @param clientName         the client's name from {@code clientInfo}, cut to a readable length; null when absent
 * @param logLevel           null when the request did not ask for log messages
 */
public record StatelessRequest(String protocolVersion, ObjectNode clientCapabilities, String clientName,
        String clientVersion, LogLevel logLevel) {

    /** True when the client declared the capability ({@code elicitation}, {@code sampling}, {@code roots}). */
    public boolean declares(String capability) {
        JsonNode declared = clientCapabilities.get(capability);
        return declared != null && declared.isObject();
    }
}
