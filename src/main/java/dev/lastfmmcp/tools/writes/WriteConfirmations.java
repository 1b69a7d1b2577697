package dev.lastfmmcp.tools.writes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.ToolDefinition;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The write tools' confirmation policy, in one place for every way of asking: which writes ask first
 * ({@code unlove_track}, {@code scrobble_album}, {@code scrobble_tracks} with more than {@value #SCROBBLES_WITHOUT_ASKING}
 * items), what the question says and its form (one required boolean {@code confirm}), and what an answer means
 * ({@code accept} with {@code confirm: true} goes ahead; decline, cancel, {@code confirm: false}, no answer or an
 * error answer write nothing).
 *
 * <p>The 2025 era asks through {@code elicitation/create} ({@link #ask}); a client without the elicitation capability
 * is not asked and the write goes ahead (the assistant asked its user already). The stateless era asks the same
 * question with an {@code input_required} result (key {@value #ANSWER}) and reads the retry's answer with
 * {@link #decide}; the answer counts only with the {@code requestState} issued for the same write and caller.
 */
public class WriteConfirmations {

    /** scrobble_tracks asks first only above this many items. */
    public static final int SCROBBLES_WITHOUT_ASKING = 10;
    /** The key of the question (the stateless era's {@code inputRequests} key). */
    public static final String ANSWER = "confirm";

    private final ClientRequests client;

    /** What came of asking. */
    public enum Decision {
        /** this write does not ask */
        NOT_NEEDED,
        /** the client cannot be asked (no elicitation capability, or no stream to ask on): go ahead */
        NOT_ASKED,
        /** the user said yes */
        CONFIRMED,
        /** the user said no */
        DECLINED,
        /** the user dismissed the question */
        CANCELLED,
        /** no answer in time */
        TIMED_OUT,
        /** the client answered with an error */
        FAILED,
        /** the client cancelled the tool call while it was asked */
        CALL_CANCELLED;

        /** Whether the write goes ahead. */
        public boolean proceeds() {
            return this == NOT_NEEDED || this == NOT_ASKED || this == CONFIRMED;
        }
    }

    public WriteConfirmations(ClientRequests client) {
        this.client = client;
    }

    /** Whether {@code tool} with these arguments asks before writing ({@code items}: a scrobble run's item count). */
    public static boolean needsConfirmation(String tool, int items) {
        return switch (tool) {
            case "unlove_track", "scrobble_album" -> true;
            case "scrobble_tracks" -> items > SCROBBLES_WITHOUT_ASKING;
            default -> false;
        };
    }

    /** The question, a sentence that says what will be written for whom. */
    public static String question(String tool, Map<String, Object> arguments, ScrobbleRun run, String user) {
        Args args = Args.of(arguments);
        String who = user == null ? "your" : user + "'s";
        return switch (tool) {
            case "unlove_track" -> "Remove \"" + args.text("track") + "\" by " + args.text("artist") + " from " + who
                                   + " loved tracks on Last.fm?";
            case "scrobble_album" -> "Scrobble " + count(run) + " of \"" + args.text("album") + "\" by "
                                     + args.text("artist") + " to " + who + " Last.fm profile" + span(run) + "?";
            default -> "Scrobble " + count(run) + " to " + who + " Last.fm profile" + span(run) + "?";
        };
    }

    private static String count(ScrobbleRun run) {
        int n = run == null ? 0 : run.sending().size();
        return n == 1 ? "1 track" : n + " tracks";
    }

    private static String span(ScrobbleRun run) {
        List<ScrobbleRun.Item> items = run == null ? List.of() : run.sending();
        if (items.isEmpty()) {
            return "";
        }
        ScrobbleRun.Item first = items.get(0);
        ScrobbleRun.Item last = items.get(items.size() - 1);
        return items.size() == 1 ? " (" + first.track + " by " + first.artist + ")"
                : " (from " + first.track + " by " + first.artist + " to " + last.track + " by " + last.artist + ")";
    }

    /** The form: one required yes/no, {@code confirm}. */
    public static Map<String, Object> schema() {
        Map<String, Object> confirm = new LinkedHashMap<>();
        confirm.put("type", "boolean");
        confirm.put("title", "Go ahead");
        confirm.put("description", "Yes: write this to Last.fm. No: write nothing.");
        confirm.put("default", false);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("confirm", confirm));
        schema.put("required", List.of("confirm"));
        return schema;
    }

    /** What an elicitation result ({@code action}, {@code content}) decides. */
    public static Decision decide(JsonNode result) {
        String action = result == null ? "" : result.path("action").asText("");
        return switch (action) {
            case "accept" -> result.path("content").path("confirm").asBoolean(false) ? Decision.CONFIRMED
                    : Decision.DECLINED;
            case "decline" -> Decision.DECLINED;
            default -> Decision.CANCELLED;
        };
    }

    /**
     * Asks the client to confirm the write, when this write asks and the client declared elicitation; the decision
     * arrives without holding a thread (the route goes on when it is in).
     */
    public CompletableFuture<Decision> ask(@Variable("tool") ToolDefinition tool,
            @Variable("args") Map<String, Object> arguments, @Variable("scrobbleRun") ScrobbleRun run,
            @Variable("caller") Caller caller, @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        int items = run == null ? 0 : run.sending().size();
        if (!needsConfirmation(tool.name(), items)) {
            return CompletableFuture.completedFuture(Decision.NOT_NEEDED);
        }
        if (!client.canAsk(request, "elicitation/create")) {
            return CompletableFuture.completedFuture(Decision.NOT_ASKED);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", "form");
        params.put("message", question(tool.name(), arguments, run, caller == null ? null : caller.lastfmUser()));
        params.put("requestedSchema", schema());
        // the stateless era: the answer comes with the retry, bound to this write by the requestState
        return client.askAll(request, call, List.of(new ClientRequests.Question(ANSWER, "elicitation/create", params,
                true))).handle((answers, failure) -> {
            if (failure == null) {
                return decide(answers.get(ANSWER));
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause()
                    : failure;
            if (cause instanceof CancelledException) {
                return Decision.CALL_CANCELLED;
            }
            if (cause instanceof ClientRequests.Failure asked) {
                return switch (asked.reason()) {
                    case TIMEOUT -> Decision.TIMED_OUT;
                    case ERROR_ANSWER -> Decision.FAILED;
                    case NOT_SUPPORTED, NO_STREAM -> Decision.NOT_ASKED;
                };
            }
            return Decision.FAILED;
        });
    }

    /** Goes ahead when the decision allows the write; otherwise the isError answer that nothing was written. */
    public void proceed(@Body Decision decision, @Variable("tool") ToolDefinition tool,
            @Variable("call") McpCall call) {
        WriteAudit.confirmation(call, decision);
        String nothing = "Nothing was written to Last.fm";
        switch (decision) {
            case NOT_NEEDED, NOT_ASKED, CONFIRMED -> {
            }
            case DECLINED -> throw new ToolException(nothing + ": the confirmation of " + tool.name()
                                                     + " was declined.");
            case CANCELLED -> throw new ToolException(nothing + ": the confirmation of " + tool.name()
                                                      + " was dismissed.");
            case TIMED_OUT -> throw new ToolException(nothing + ": the confirmation of " + tool.name()
                                                      + " got no answer within " + client.timeout().toSeconds()
                                                      + " seconds. Call it again to be asked again.");
            case FAILED -> throw new ToolException(nothing + ": the MCP client could not ask to confirm "
                                                   + tool.name() + ". Call it again to be asked again.");
            case CALL_CANCELLED -> throw new CancelledException();
        }
    }
}
