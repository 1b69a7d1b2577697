package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 * lastfm_auth_status: whether this request is signed in to Last.fm, as whom, since when and how (the personal MCP URL
 * of the web sign-in; OAuth next), where to sign in when not, and which tools are personal (about one user; they
 * default to the signed-in user), catalogue or server tools, and which need sign-in (write tools), read from the
 * tool catalogue.
 */
public class AuthStatusTool {

    /** The catalogue families whose {@code username} is the subject of the tool. */
    private static final java.util.Set<String> PERSONAL_FAMILIES = java.util.Set.of("users", "insights");

    private final ToolCatalogue catalogue;
    private final String defaultUser;
    private final Supplier<String> loginUrl;

    public AuthStatusTool(ToolCatalogue catalogue) {
        this(catalogue, "");
    }

    public AuthStatusTool(ToolCatalogue catalogue, String defaultUser) {
        this(catalogue, defaultUser, null);
    }

    /**
     * {@code defaultUser}: the configured default user ({@code mcp.default-user}), or empty; the example calls name
     * the signed-in user, else this one, and with neither there are no personal example calls (an invented name
     * would send the assistant to a stranger's profile).
     */
    /** @param loginUrl where to sign in ({@code /login}), or null when this server has no sign-in configured */
    public AuthStatusTool(ToolCatalogue catalogue, String defaultUser, Supplier<String> loginUrl) {
        this.catalogue = catalogue;
        this.defaultUser = defaultUser == null || defaultUser.isBlank() ? null : defaultUser.trim();
        this.loginUrl = loginUrl;
    }

    /**
     * The catalogue's tools by kind: personal (about one user), catalogue (Last.fm), server; and those that need a
     * signed-in user (the ones that change something on Last.fm).
     */
    public record ToolKinds(List<String> personal, List<String> catalogue, List<String> server,
            List<String> needSignIn) {
    }

    public ToolKinds kinds() {
        List<String> personal = new ArrayList<>();
        List<String> lastfm = new ArrayList<>();
        List<String> server = new ArrayList<>();
        List<String> needSignIn = new ArrayList<>();
        for (ToolDefinition tool : catalogue.all()) {
            if (tool.requiresLastfm() && Boolean.FALSE.equals(tool.tool().annotations().readOnlyHint())) {
                // a write tool is of no other kind: it needs a signed-in user, not a username
                needSignIn.add(tool.name());
            } else if (!tool.requiresLastfm()) {
                server.add(tool.name());
            } else if (needsUser(tool.family(), tool.inputSchema())) {
                personal.add(tool.name());
            } else {
                lastfm.add(tool.name());
            }
        }
        return new ToolKinds(List.copyOf(personal), List.copyOf(lastfm), List.copyOf(server),
                List.copyOf(needSignIn));
    }

    /**
     * A tool is personal when it is about one user: a user or insight tool that takes {@code username} (left out: the
     * signed-in user), or one that requires a numbered user ({@code user1}, {@code user2}). Catalogue tools that take
     * an optional {@code username} (for that user's play count) stay catalogue tools.
     */
    static boolean needsUser(String family, JsonNode inputSchema) {
        if (inputSchema == null) {
            return false;
        }
        if (PERSONAL_FAMILIES.contains(family) && inputSchema.path("properties").has("username")) {
            return true;
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
        String login = loginUrl == null ? null : loginUrl.get();
        String howTo;
        if (signedIn) {
            howTo = "Personal tools and resources use " + user + " when no username is given (their private history "
                    + "too, through signed calls); pass username to read someone else's public profile.";
        } else if (login != null) {
            howTo = "Sign in with Last.fm at " + login + " (open it in a browser): it shows a personal MCP URL "
                    + "(...?session_id=...) to put in the client's configuration instead of this one. Until then "
                    + "personal tools read public profiles: pass username=\"<their Last.fm name>\"; compare_users "
                    + "takes user1 and user2.";
        } else {
            howTo = "This server has no Last.fm sign-in configured. Personal tools read public Last.fm profiles: "
                    + "pass username=\"<their Last.fm name>\" (the name in https://www.last.fm/user/<name>); "
                    + "compare_users takes user1 and user2.";
        }

        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("signedIn", signedIn);
        if (user != null) {
            structured.put("user", user);
            if (caller.via() != null) {
                structured.put("via", caller.via());
            }
            if (caller.oauthClient() != null) {
                structured.put("oauthClient", caller.oauthClient());
                structured.put("scopes", caller.scopes().stream().sorted().toList());
            }
            if (caller.since() != null) {
                structured.put("since", caller.since().toString());
            }
        }
        structured.put("signInAvailable", login != null);
        if (!signedIn && login != null) {
            structured.put("loginUrl", login);
        }
        structured.put("howTo", howTo);
        structured.put("tools", kinds);

        StringBuilder text = new StringBuilder("## Last.fm sign-in\n\n");
        if (signedIn) {
            text.append("Signed in as **").append(escape(user)).append("**");
            if (caller.since() != null) {
                text.append(" since ").append(caller.since());
            }
            if (caller.oauthClient() != null) {
                text.append(" through OAuth client '").append(escape(caller.oauthClient())).append("' (scopes ")
                        .append(String.join(", ", caller.scopes().stream().sorted().toList())).append(')');
            } else if (caller.via() != null) {
                text.append(" (").append(SignInMethods.describe(caller.via())).append(')');
            }
            text.append(". ");
        } else {
            text.append("Not signed in. ");
        }
        text.append(escape(howTo)).append("\n\n");
        text.append("**Personal tools** (").append(signedIn ? "default to you" : "need a username").append("): ")
                .append(names(kinds.personal())).append('\n');
        text.append("**Catalogue tools** (no user needed): ").append(names(kinds.catalogue())).append('\n');
        text.append("**Server tools**: ").append(names(kinds.server())).append('\n');
        text.append("**Need sign-in**: ").append(kinds.needSignIn().isEmpty() ? "none (every tool works without)"
                : names(kinds.needSignIn())).append('\n');
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

/** How a caller signed in, in words. */
final class SignInMethods {

    private SignInMethods() {
    }

    static String describe(String via) {
        return switch (via) {
            case "session-url" -> "web sign-in, personal MCP URL";
            case "oauth" -> "OAuth";
            default -> via;
        };
    }
}
