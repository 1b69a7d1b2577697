package dev.lastfmmcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.format.NextSteps;
import dev.lastfmmcp.lastfm.LastfmResult;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Builds one tool result: Markdown text for people (ending with "Next steps") and the structured content its
 * {@code outputSchema} describes. A stale answer (Last.fm was unreachable) is said so in both.
 */
public final class ToolOutput {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> structured = new LinkedHashMap<>();
    private final NextSteps next = NextSteps.create();
    private long staleAge = -1;

    public static ToolOutput create() {
        return new ToolOutput();
    }

    /** Adds a structured field (null values are left out). */
    public ToolOutput put(String key, Object value) {
        if (value != null) {
            structured.put(key, value);
        }
        return this;
    }

    public ToolOutput heading(String heading) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append("## ").append(heading).append("\n\n");
        return this;
    }

    public ToolOutput line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public ToolOutput blank() {
        text.append('\n');
        return this;
    }

    /** A numbered list: "1. item" lines. */
    public ToolOutput numbered(List<String> items) {
        int i = 1;
        for (String item : items) {
            text.append(i++).append(". ").append(item).append('\n');
        }
        return this;
    }

    public ToolOutput bullets(List<String> items) {
        for (String item : items) {
            text.append("- ").append(item).append('\n');
        }
        return this;
    }

    /** Marks the answer stale when any of the Last.fm results it is built from is. */
    public ToolOutput from(LastfmResult... results) {
        for (LastfmResult result : results) {
            if (result != null && result.stale()) {
                staleAge = Math.max(staleAge, result.staleAgeSeconds() == null ? 0 : result.staleAgeSeconds());
            }
        }
        return this;
    }

    public NextSteps next() {
        return next;
    }

    public McpSchema.CallToolResult build() {
        StringBuilder body = new StringBuilder();
        if (staleAge >= 0) {
            structured.put("stale", true);
            structured.put("staleAgeSeconds", staleAge);
            body.append("> Last.fm could not be reached just now: this is the last answer it gave, from ")
                    .append(Markdown.duration(staleAge)).append(" ago.\n\n");
        }
        body.append(text);
        body.append(next.markdown());
        return ToolResults.ok(body.toString().strip() + "\n", structured);
    }
}
