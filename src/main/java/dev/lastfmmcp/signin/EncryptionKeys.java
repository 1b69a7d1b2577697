package dev.lastfmmcp.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(name + " must decode to 32 bytes, it decodes to " + key.length
                                               + " (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static byte[] generated(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    LOG.warn("MCP_ENCRYPTION_KEY is not set: generated encryption key {} in {}; a deployment "
                             + "should set MCP_ENCRYPTION_KEY (openssl rand -base64 32), the same on every node",
                            SecretBox.keyId(key), file);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read it below
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return key;
                }
            }
            byte[] key = decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            LOG.warn("MCP_ENCRYPTION_KEY is not set: using encryption key {} from {}; a deployment should set "
                     + "MCP_ENCRYPTION_KEY, the same on every node", SecretBox.keyId(key), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated encryption key in " + file, e);
        }
    }
}
