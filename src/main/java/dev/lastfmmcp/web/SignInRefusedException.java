package dev.lastfmmcp.web;

/** A sign-in step refused before any Last.fm call (bad token, stale state, reused token): the page to show. */
public class SignInRefusedException extends RuntimeException {

    private final transient WebPage page;
    private final String reason;

    public SignInRefusedException(WebPage page) {
        this(page, "refused");
    }

    /** @param reason why, a word for the sign-in failure meter (never a client value) */
    public SignInRefusedException(WebPage page, String reason) {
        super("sign-in refused (" + page.status() + ")", null, false, false);
        this.page = page;
        this.reason = reason;
    }

    /** Why: {@code not_configured}, {@code no_token}, {@code bad_token}, {@code stale_state}, {@code token_reused}. */
    public String reason() {
        return reason;
    }

    public WebPage page() {
        return page;
    }
}
