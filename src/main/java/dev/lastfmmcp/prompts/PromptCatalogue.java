package dev.lastfmmcp.prompts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.support.YamlResources;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/** The prompts, declared as data in {@code mcp/prompts.yaml}. */
public class PromptCatalogue {

    private final List<McpSchema.Prompt> prompts;
    private final int pageSize;

    public PromptCatalogue(List<McpSchema.Prompt> prompts, int pageSize) {
        this.prompts = List.copyOf(prompts);
        this.pageSize = pageSize;
    }

    public static PromptCatalogue load(ObjectMapper mapper, int pageSize) {
        List<McpSchema.Prompt> prompts = new ArrayList<>();
        for (JsonNode entry : YamlResources.read("mcp/prompts.yaml").path("prompts")) {
            prompts.add(mapper.convertValue(entry, McpSchema.Prompt.class));
        }
        return new PromptCatalogue(prompts, pageSize);
    }

    public List<McpSchema.Prompt> prompts() {
        return prompts;
    }

    /** prompts/list. */
    public McpSchema.ListPromptsResult list(@Variable("call") McpCall call) {
        Cursors.Page<McpSchema.Prompt> page = Cursors.page("prompts", prompts,
                prompts.stream().map(McpSchema.Prompt::name).toList(), call.param("cursor"), pageSize);
        return new McpSchema.ListPromptsResult(page.items(), page.nextCursor());
    }

    /** prompts/get: -32602 for a missing or unknown name. */
    public McpSchema.GetPromptResult get(@Variable("call") McpCall call) {
        String name = call.param("name");
        if (name == null) {
            throw JsonRpcException.invalidParams("prompts/get needs params.name (see prompts/list)");
        }
        call.setName(name);
        throw JsonRpcException.invalidParams("Unknown prompt: " + name + " (see prompts/list)");
    }
}
