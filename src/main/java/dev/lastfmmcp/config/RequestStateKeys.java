package dev.lastfmmcp.config;

import java.nio.file.Path;

import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.support.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals the 2026-07-28 {@code requestState} (HMAC-SHA256): {@code MCP_REQUEST_STATE_KEY} (base64 of 32
 * bytes), or else one generated at first start into {@code <data dir>/request-state.key}. Nodes of a cluster need the
 * same key (a retry may reach another node), so a cluster without the variable gets one warning. Only a key id is
 * ever logged.
 */
final class RequestStateKeys {

    static final String KEY_FILE = "request-state.key";
    private static final Logger LOG = LoggerFactory.getLogger(RequestStateKeys.class);

    private RequestStateKeys() {
    }

    static byte[] load(String configured, Path dataDir, boolean clustered) {
        if (configured != null && !configured.isBlank()) {
            return KeyFiles.decode(configured, "MCP_REQUEST_STATE_KEY", 32);
        }
        KeyFiles.Key key = KeyFiles.readOrCreate(dataDir, KEY_FILE, 32);
        if (clustered) {
            LOG.warn("MCP_REQUEST_STATE_KEY is not set: request states are sealed with key {} from {}; every node of "
                     + "a cluster needs the same key (openssl rand -base64 32)",
                    Fingerprint.sha256(key.bytes()).substring(0, 8), dataDir.resolve(KEY_FILE));
        }
        return key.bytes();
    }
}
