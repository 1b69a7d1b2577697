package dev.lastfmmcp.jsonrpc;

/**
 * A tool that cannot answer: becomes a tool result with {@code isError: true} whose text is this message, a sentence
 * a person understands (with a suggestion where one helps). Never a JSON-RPC error, never a stack trace.
 */
public class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message, null, false, false);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
