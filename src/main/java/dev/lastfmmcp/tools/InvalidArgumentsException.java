package dev.lastfmmcp.tools;

import java.util.List;

/**
 * Arguments a tool's input schema rejects, with each problem ("limit: must have a maximum value of 50"). For
 * tools/call it is an {@code isError} result like any {@link ToolException}; resources/read makes it -32602.
 */
public class InvalidArgumentsException extends ToolException {

    private final transient List<String> problems;

    public InvalidArgumentsException(String tool, List<String> problems) {
        super("Invalid arguments for " + tool + ": " + String.join("; ", problems)
              + ". Check the tool's input schema (tools/list) and call it again.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
