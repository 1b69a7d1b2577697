package dev.lastfmmcp.web;

import java.time.Duration;
import java.time.Instant;

import dev.lastfmmcp.support.Resources;

/**
 * The HTML of the sign-in pages, in the landing page's look ({@code web/page.html} with {@code web/style.css}):
 * what happened, what to do next, and, after a sign-in, the personal MCP URL with copy-ready client snippets. Every
 * value is HTML-escaped.
 */
public class SignInPages {

    private final String frame;
    private final String success;
    private final String title;

    public SignInPages(String title) {
        String style = Resources.text("web/style.css");
        this.frame = Resources.text("web/page.html").replace("{{style}}", style);
        this.success = Resources.text("web/signed-in.html");
        this.title = title;
    }

    /** A page that says what happened and offers to start again at /login. */
    public String problem(String heading, String explanation, String loginUrl) {
        return page(heading, "<p>" + Html.escape(explanation) + "</p>\n<p><a href=\"" + Html.escape(loginUrl)
                + "\">Sign in with Last.fm again</a></p>");
    }

    /** A page with a message and a link home, no retry offered (sign-in not configured, signed out). */
    public String notice(String heading, String explanation, String homeUrl) {
        return page(heading, "<p>" + Html.escape(explanation) + "</p>\n<p><a href=\"" + Html.escape(homeUrl)
                + "\">Back to the server's page</a></p>");
    }

    public String signedIn(String user, String personalUrl, String logoutUrl, String signInId, Duration ttl,
            Instant since) {
        String body = success
                .replace("{{user}}", Html.escape(user))
                .replace("{{personalUrl}}", Html.escape(personalUrl))
                .replace("{{logoutUrl}}", Html.escape(logoutUrl))
                .replace("{{signInId}}", Html.escape(signInId))
                .replace("{{ttlDays}}", String.valueOf(Math.max(1, ttl.toDays())))
                .replace("{{since}}", Html.escape(since.toString()));
        return page("Signed in as " + user, body);
    }

    /**
     * The OAuth consent page: which client asks, where it will send the answer, what it may do; "Sign in with
     * Last.fm" posts the transaction back (its cookie proves the same browser), "Cancel" refuses.
     */
    public String consent(String clientName, String redirectHost, java.util.List<String> scopes, String txn,
            String authorizeUrl) {
        StringBuilder list = new StringBuilder();
        for (String scope : scopes) {
            list.append("<li><code>").append(Html.escape(scope)).append("</code>: ")
                    .append(scope.endsWith(":write") ? "act on your Last.fm account (write tools)"
                            : "read your Last.fm listening history and profile, including private data")
                    .append("</li>\n");
        }
        String body = "<p>The application <strong>" + Html.escape(clientName) + "</strong> asks to use this MCP "
                + "server as you. After you sign in with Last.fm it gets its answer at <strong>"
                + Html.escape(redirectHost) + "</strong>.</p>\n<p>It may:</p>\n<ul>\n" + list + "</ul>\n"
                + "<p>Only continue if you started this from that application.</p>\n"
                + "<form method=\"post\" action=\"" + Html.escape(authorizeUrl) + "\">\n"
                + "<input type=\"hidden\" name=\"txn\" value=\"" + Html.escape(txn) + "\">\n"
                + "<button type=\"submit\" name=\"decision\" value=\"allow\">Sign in with Last.fm</button>\n"
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>\n</form>";
        return page("Allow " + clientName + "?", body);
    }

    private String page(String heading, String bodyHtml) {
        return frame.replace("{{title}}", Html.escape(heading + " · " + title))
                .replace("{{heading}}", Html.escape(heading))
                .replace("{{body}}", bodyHtml);
    }
}
