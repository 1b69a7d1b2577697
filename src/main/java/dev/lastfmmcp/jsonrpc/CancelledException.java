package dev.lastfmmcp.jsonrpc;

import dev.lastfmmcp.jsonrpc.ToolException;

/**
 * The client cancelled the request ({@code notifications/cancelled}): its remaining upstream calls stop and no
 * response is sent.
 */
public class CancelledException extends ToolException {

    public CancelledException() {
        super("The request was cancelled by the client.");
    }
}
