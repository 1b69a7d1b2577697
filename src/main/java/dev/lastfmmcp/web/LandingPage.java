package dev.lastfmmcp.web;

import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.support.Resources;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;

/**
 * {@code GET /}: what this server is and how to connect common MCP clients, with the tool list generated from the
 * catalogue. The page is a template resource ({@code web/index.html}); values are HTML-escaped.
 */
public class LandingPage {

    private final String html;

    public LandingPage(ServerIdentity identity, ToolCatalogue tools, String mcpUrl) {
        this(identity, tools, mcpUrl, null);
    }

    /** @param loginUrl the sign-in page, or null when sign-in is not configured (no link then) */
    public LandingPage(ServerIdentity identity, ToolCatalogue tools, String mcpUrl, String loginUrl) {
        this(identity, tools, mcpUrl, loginUrl, false);
    }

    /**
     * @param loginUrl     the sign-in page, or null when sign-in is not configured (no sign-in section then)
     * @param authRequired MCP_AUTH_REQUIRED: anonymous requests are refused
     */
    public LandingPage(ServerIdentity identity, ToolCatalogue tools, String mcpUrl, String loginUrl,
            boolean authRequired) {
        String template = Resources.text("web/index.html").replace("{{style}}", Resources.text("web/style.css"));
        StringBuilder rows = new StringBuilder();
        for (ToolDefinition tool : tools.all()) {
            rows.append("<tr><td><code>").append(Html.escape(tool.name())).append("</code></td><td>")
                    .append(Html.escape(tool.tool().title())).append("</td><td>")
                    .append(Html.escape(firstSentence(tool.tool().description()))).append("</td></tr>\n");
        }
        this.html = template
                .replace("{{title}}", Html.escape(identity.title()))
                .replace("{{version}}", Html.escape(identity.version()))
                .replace("{{description}}", Html.escape(identity.description()))
                .replace("{{projectLink}}", identity.websiteUrl() == null ? ""
                        : "<li><a href=\"" + Html.escape(identity.websiteUrl()) + "\">Source and documentation</a></li>")
                .replace("{{signInLink}}", loginUrl == null ? "" : signInSection(mcpUrl, loginUrl, authRequired))
                .replace("{{mcpUrl}}", Html.escape(mcpUrl))
                .replace("{{toolCount}}", String.valueOf(tools.all().size()))
                .replace("{{toolRows}}", rows.toString());
    }

    /** The two ways in: OAuth from the client itself, and the personal URL from a browser sign-in. */
    static String signInSection(String mcpUrl, String loginUrl, boolean authRequired) {
        return "<h2>Sign in</h2>\n<p>" + (authRequired
                ? "This server requires a sign-in: a request without one is answered 401, which starts the "
                  + "client's OAuth sign-in."
                : "Anonymous use works for public Last.fm data (name the user). Signed in, personal tools default to "
                  + "you, read your private history too, and the write tools (love, scrobble) work.")
               + " Two ways in:</p>\n<ul>\n"
               + "<li><strong>OAuth</strong>, for clients that support MCP authorization (Claude's connectors, "
               + "Claude Code, Windsurf, the MCP Inspector, mcp-remote): add <code>" + Html.escape(mcpUrl)
               + "</code>; the client opens a page where you confirm it and sign in with Last.fm. Nothing to "
               + "copy.</li>\n"
               + "<li><strong>Personal URL</strong>, for any client: <a href=\"" + Html.escape(loginUrl)
               + "\">Sign in with Last.fm</a> to get a personal MCP URL: your own history (private too) without "
               + "typing your username.</li>\n</ul>\n";
    }

    public String html() {
        return html;
    }

    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end + 1) : text;
        return sentence.replace('\n', ' ').trim();
    }
}
