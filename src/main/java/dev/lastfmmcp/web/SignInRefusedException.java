package dev.lastfmmcp.web;

/** A sign-in step refused before any Last.fm call (bad token, stale state, reused token): the page to show. */
public class SignInRefusedException extends RuntimeException {

    private final transient WebPage page;

    public SignInRefusedException(WebPage page) {
        super("sign-in refused (" + page.status() + ")", null, false, false);
        this.page = page;
    }

    public WebPage page() {
        return page;
    }
}
