package dev.lastfmmcp.web;

import java.util.function.Supplier;

import dev.lastfmmcp.support.Lazy;

/** The landing page and the server card, each built once on first request (they show the listening port). */
public class WebPages {

    private final Lazy<LandingPage> landing;
    private final Lazy<ServerCard> card;

    public WebPages(Supplier<LandingPage> landing, Supplier<ServerCard> card) {
        this.landing = new Lazy<>(landing);
        this.card = new Lazy<>(card);
    }

    public String landing() {
        return landing.get().html();
    }

    public String serverCard() {
        return card.get().json();
    }
}
