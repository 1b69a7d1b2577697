package dev.lastfmmcp.tools;

import dev.lastfmmcp.mcp.McpRequest;

/**
 * Which Last.fm user a personal tool is about. Today the {@code username} argument (required by the schemas); once
 * sign-in exists, the signed-in user when the argument is left out. Every personal tool reads its user here.
 */
public final class Users {

    private Users() {
    }

    public static String username(Args args, McpRequest request) {
        String given = args.text("username");
        if (given != null) {
            return given;
        }
        if (request != null && request.getUser() != null && !McpRequest.ANONYMOUS.equals(request.getUser())) {
            return request.getUser();
        }
        throw new ToolException("A Last.fm username is needed: pass username=\"<their Last.fm name>\" (the name "
                                + "in https://www.last.fm/user/<name>).");
    }
}
