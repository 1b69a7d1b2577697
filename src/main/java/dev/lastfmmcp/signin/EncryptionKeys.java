package dev.lastfmmcp.signin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.support.KeyFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key ring of {@link SecretBox}: {@code MCP_ENCRYPTION_KEY} (base64 of 32 bytes) encrypts, and
 * {@code MCP_ENCRYPTION_KEY_PREVIOUS} (comma-separated) still decrypts. Without a configured key one is generated at
 * first start and kept in {@code <data dir>/encryption.key}, readable by the owner only, with one warning that a
 * deployment should set the variable (several nodes need the same key). Only key ids are ever logged.
 */
public final class EncryptionKeys {

    static final String KEY_FILE = "encryption.key";
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionKeys.class);

    private EncryptionKeys() {
    }

    public static SecretBox load(String configured, String previous, Path dataDir) {
        List<byte[]> older = new ArrayList<>();
        if (previous != null) {
            for (String value : previous.split(",")) {
                if (!value.isBlank()) {
                    older.add(decode(value, "MCP_ENCRYPTION_KEY_PREVIOUS"));
                }
            }
        }
        byte[] active;
        if (configured != null && !configured.isBlank()) {
            active = decode(configured, "MCP_ENCRYPTION_KEY");
        } else {
            active = generated(dataDir);
        }
        return new SecretBox(active, older);
    }

    private static byte[] decode(String value, String name) {
        return KeyFiles.decode(value, name, 32);
    }

    private static byte[] generated(Path dataDir) {
        KeyFiles.Key key = KeyFiles.readOrCreate(dataDir, KEY_FILE, 32);
        if (key.generated()) {
            LOG.warn("MCP_ENCRYPTION_KEY is not set: generated encryption key {} in {}; a deployment "
                     + "should set MCP_ENCRYPTION_KEY (openssl rand -base64 32), the same on every node",
                    SecretBox.keyId(key.bytes()), dataDir.resolve(KEY_FILE));
        } else {
            LOG.warn("MCP_ENCRYPTION_KEY is not set: using encryption key {} from {}; a deployment should set "
                     + "MCP_ENCRYPTION_KEY, the same on every node", SecretBox.keyId(key.bytes()),
                    dataDir.resolve(KEY_FILE));
        }
        return key.bytes();
    }
}
