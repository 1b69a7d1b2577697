package dev.lastfmmcp.tools;

import dev.lastfmmcp.jsonrpc.ToolException;
import java.util.List;
import java.util.stream.Collectors;

import dev.lastfmmcp.format.SafeText;

/**
 * Arguments a tool's input schema rejects, with each problem ("limit: must have a maximum value of 50"). For
 * tools/call it is an {@code isError} result like any {@link ToolException}; resources/read makes it -32602.
 */
public class InvalidArgumentsException extends ToolException {

    /** How many problems the message lists, and how much of each (they can quote the client's property names). */
    static final int SHOWN_PROBLEMS = 10;
    static final int PROBLEM_LENGTH = 200;

    private final transient List<String> problems;

    public InvalidArgumentsException(String tool, List<String> problems) {
        super("Invalid arguments for " + tool + ": " + summary(problems)
              + ". Check the tool's input schema (tools/list) and call it again.");
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<String> problems) {
        String shown = problems.stream().limit(SHOWN_PROBLEMS).map(p -> SafeText.clip(p, PROBLEM_LENGTH))
                .collect(Collectors.joining("; "));
        return problems.size() <= SHOWN_PROBLEMS ? shown
                : shown + "; and " + (problems.size() - SHOWN_PROBLEMS) + " more";
    }

    public List<String> problems() {
        return problems;
    }
}
