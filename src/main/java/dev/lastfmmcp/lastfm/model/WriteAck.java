package dev.lastfmmcp.lastfm.model;

/** Last.fm's answer to track.love / track.unlove: an empty success ({@code {}}), the method it confirms. */
public record WriteAck(String method) {
}
