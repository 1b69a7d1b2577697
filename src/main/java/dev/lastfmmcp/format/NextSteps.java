package dev.lastfmmcp.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Next steps" that end every tool result: 2–4 concrete calls with real arguments filled in, such as
 * {@code get_artist_info(artist="Radiohead")}, so a model can chain tools.
 */
public final class NextSteps {

    private final List<String> calls = new ArrayList<>();

    public static NextSteps create() {
        return new NextSteps();
    }

    /** {@code call("get_top_artists", "username", "rj", "period", "7day")}; null values are left out. */
    public NextSteps call(String tool, Object... nameValues) {
        StringBuilder call = new StringBuilder(tool).append('(');
        boolean first = true;
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            if (value == null) {
                continue;
            }
            if (!first) {
                call.append(", ");
            }
            call.append(nameValues[i]).append('=')
                    .append(value instanceof Number || value instanceof Boolean ? value.toString()
                            : Markdown.quote(value.toString()));
            first = false;
        }
        String text = call.append(')').toString();
        if (!calls.contains(text) && calls.size() < 4) {
            calls.add(text);
        }
        return this;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public String markdown() {
        return Markdown.nextSteps(calls);
    }
}
