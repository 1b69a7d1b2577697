package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.tools.Users;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.ToolResults;
import dev.lastfmmcp.format.NextSteps;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;

/**
 * lastfm_auth_status: whether this session is signed in to Last.fm (this server has no sign-in yet, so personal tools
 * take a {@code username}) and which tools are personal (they need a user) or catalogue tools (they do not), read
 * from the tool catalogue.
 */
public class AuthStatusTool {

    private final ToolCatalogue catalogue;
    private final String defaultUser;

    public AuthStatusTool(ToolCatalogue catalogue) {
        this(catalogue, "");
    }

    /**
     * {@code defaultUser}: the configured default user ({@code mcp.default-user}), or empty; the example calls name
     * the signed-in user, else this one, and with neither there are no personal example calls (an invented name
     * would send the assistant to a stranger's profile).
     */
    public AuthStatusTool(ToolCatalogue catalogue, String defaultUser) {
        this.catalogue = catalogue;
        this.defaultUser = defaultUser == null || defaultUser.isBlank() ? null : defaultUser.trim();
    }

    /** The catalogue's tools by kind: personal (a required user argument), catalogue (Last.fm), server. */
    public record ToolKinds(List<String> personal, List<String> catalogue, List<String> server) {
    }

    public ToolKinds kinds() {
        List<String> personal = new ArrayList<>();
        List<String> lastfm = new ArrayList<>();
        List<String> server = new ArrayList<>();
        for (ToolDefinition tool : catalogue.all()) {
            if (!tool.requiresLastfm()) {
                server.add(tool.name());
            } else if (needsUser(tool.inputSchema())) {
                personal.add(tool.name());
            } else {
                lastfm.add(tool.name());
            }
        }
        return new ToolKinds(List.copyOf(personal), List.copyOf(lastfm), List.copyOf(server));
    }

    /** A tool is personal when it requires {@code username} or a numbered user ({@code user1}, {@code user2}). */
    static boolean needsUser(JsonNode inputSchema) {
        if (inputSchema == null) {
            return false;
        }
        for (Iterator<JsonNode> it = inputSchema.path("required").elements(); it.hasNext();) {
            String name = it.next().asText();
            if (name.equals("username") || name.matches("user\\d*")) {
                return true;
            }
        }
        return false;
    }

    public McpSchema.CallToolResult status(@Variable("caller") Caller caller) {
        String user = Users.signedIn(caller);
        boolean signedIn = user != null;
        ToolKinds kinds = kinds();
        String howTo = signedIn
                ? "Personal tools use " + user + " when no username is given; pass username to ask about someone "
                  + "else."
                : "This server has no Last.fm sign-in yet. Personal tools read public Last.fm profiles: pass "
                  + "username=\"<their Last.fm name>\" (the name in https://www.last.fm/user/<name>); compare_users "
                  + "takes user1 and user2. Nothing needs to be authorised.";

        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("signedIn", signedIn);
        if (user != null) {
            structured.put("user", user);
        }
        structured.put("signInAvailable", false);
        structured.put("howTo", howTo);
        structured.put("tools", kinds);

        StringBuilder text = new StringBuilder("## Last.fm sign-in\n\n");
        text.append(signedIn ? "Signed in as **" + escape(user) + "**. " : "Not signed in. ").append(escape(howTo))
                .append("\n\n");
        text.append("**Personal tools** (need a username): ").append(names(kinds.personal())).append('\n');
        text.append("**Catalogue tools** (no user needed): ").append(names(kinds.catalogue())).append('\n');
        text.append("**Server tools**: ").append(names(kinds.server())).append('\n');
        String example = signedIn ? user : defaultUser;
        if (!signedIn && example != null) {
            text.append("\n_The examples below use ").append(escape(example))
                    .append(", this server's default user (LASTFM_DEFAULT_USER): put in the person's own Last.fm "
                            + "name to ask about someone else._\n");
        }
        NextSteps next = NextSteps.create();
        if (example != null && kinds.personal().contains("get_listening_stats")) {
            next.call("get_listening_stats", "username", example, "period", "1month");
        }
        if (example != null && kinds.personal().contains("get_music_recommendations")) {
            next.call("get_music_recommendations", "username", example, "limit", 10);
        }
        next.call("server_info");
        text.append(next.markdown());
        return ToolResults.ok(text.toString(), structured);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
