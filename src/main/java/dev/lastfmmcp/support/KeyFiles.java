package dev.lastfmmcp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secret keys of the server: one given in the environment (base64), or else one generated at first start into a file
 * of the data directory that only its owner may read, and read from there on every start after. Keys are never
 * logged; callers log an id such as {@link Fingerprint#of}.
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and whether this start generated it (the caller warns once that a deployment should configure one). */
    public record Key(byte[] bytes, boolean generated) {
    }

    private KeyFiles() {
    }

    /**
     * Decodes a configured key: base64 of exactly {@code length} bytes; otherwise an IllegalArgumentException naming
     * {@code name} (the environment variable) and how to make one.
     */
    public static byte[] decode(String value, String name, int length) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64 (make one with: openssl rand -base64 " + length
                                               + ")");
        }
        if (key.length != length) {
            throw new IllegalArgumentException(name + " must decode to " + length + " bytes, it decodes to "
                                               + key.length + " (make one with: openssl rand -base64 " + length + ")");
        }
        return key;
    }

    /**
     * The key kept in {@code dataDir/fileName}: read when the file exists, else {@code length} random bytes written
     * there (owner read/write only where the file system has POSIX permissions). Two starts racing both read the
     * winner's key.
     */
    public static Key readOrCreate(Path dataDir, String fileName, int length) {
        Path file = dataDir.resolve(fileName);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[length];
                RANDOM.nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return new Key(key, true);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read it below
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return new Key(key, true);
                }
            }
            return new Key(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString(), length), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated key in " + file, e);
        }
    }
}
