package dev.lastfmmcp.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.modelcontextprotocol.spec.McpSchema;

/** Name, title and version of this server (the version comes from the pom through a filtered resource). */
public record ServerIdentity(String name, String title, String version, String description, String websiteUrl) {

    public static ServerIdentity load() {
        Properties p = new Properties();
        try (InputStream in = ServerIdentity.class.getResourceAsStream("/mcp/server.properties")) {
            if (in == null) {
                throw new IllegalStateException("mcp/server.properties is missing from the classpath");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerIdentity(p.getProperty("name"), p.getProperty("title"), p.getProperty("version"),
                p.getProperty("description"), p.getProperty("websiteUrl"));
    }

    public McpSchema.Implementation implementation() {
        return new McpSchema.Implementation(name, title, version, description, null, websiteUrl);
    }
}
