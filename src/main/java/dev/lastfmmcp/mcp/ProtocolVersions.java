package dev.lastfmmcp.mcp;

import java.util.List;

/** The MCP protocol revisions this server speaks, and the rules that differ between them. */
public final class ProtocolVersions {

    public static final String V2024_11_05 = "2024-11-05";
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";

    /** Oldest first. */
    public static final List<String> SUPPORTED = List.of(V2024_11_05, V2025_03_26, V2025_06_18, V2025_11_25);
    public static final String LATEST = V2025_11_25;
    /** The stateless revision: no initialize and no session, every request carries its {@code _meta}. */
    public static final String V2026_07_28 = "2026-07-28";
    /** Every version this server serves, the stateless one first (what server/discover and -32022 list). */
    public static final List<String> ALL = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26, V2024_11_05);
    /** What a request without an {@code MCP-Protocol-Version} header and without a session is assumed to speak. */
    public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    /** Echo a supported requested version, otherwise offer the latest (never an error). */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }

    /** JSON-RPC batches exist in 2025-03-26 (and are tolerated for 2024-11-05); 2025-06-18 removed them. */
    public static boolean allowsBatches(String version) {
        return V2024_11_05.equals(version) || V2025_03_26.equals(version);
    }

    /** True when {@code version} is {@code other} or later. Both must be supported versions. */
    public static boolean atLeast(String version, String other) {
        return SUPPORTED.indexOf(version) >= SUPPORTED.indexOf(other);
    }
}
