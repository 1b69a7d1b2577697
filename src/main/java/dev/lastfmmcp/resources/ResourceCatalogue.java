package dev.lastfmmcp.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.support.YamlResources;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/**
 * The resource templates and concrete resources, declared as data in {@code mcp/resources.yaml}.
 */
public class ResourceCatalogue {

    private final List<McpSchema.ResourceTemplate> templates;
    private final int pageSize;

    public ResourceCatalogue(List<McpSchema.ResourceTemplate> templates, int pageSize) {
        this.templates = List.copyOf(templates);
        this.pageSize = pageSize;
    }

    public static ResourceCatalogue load(ObjectMapper mapper, int pageSize) {
        List<McpSchema.ResourceTemplate> templates = new ArrayList<>();
        for (JsonNode entry : YamlResources.read("mcp/resources.yaml").path("templates")) {
            templates.add(mapper.convertValue(entry, McpSchema.ResourceTemplate.class));
        }
        return new ResourceCatalogue(templates, pageSize);
    }

    public List<McpSchema.ResourceTemplate> templates() {
        return templates;
    }

    /** resources/templates/list. */
    public McpSchema.ListResourceTemplatesResult listTemplates(@Variable("call") McpCall call) {
        Cursors.Page<McpSchema.ResourceTemplate> page = Cursors.page("resource-templates", templates,
                templates.stream().map(McpSchema.ResourceTemplate::uriTemplate).toList(), call.param("cursor"),
                pageSize);
        return new McpSchema.ListResourceTemplatesResult(page.items(), page.nextCursor());
    }

    /** resources/list: concrete resources (none until a default or signed-in user exists). */
    public McpSchema.ListResourcesResult list(@Variable("call") McpCall call) {
        List<McpSchema.Resource> resources = List.of();
        Cursors.Page<McpSchema.Resource> page = Cursors.page("resources", resources,
                resources.stream().map(McpSchema.Resource::uri).toList(), call.param("cursor"), pageSize);
        return new McpSchema.ListResourcesResult(page.items(), page.nextCursor());
    }

    /** resources/read of a URI no template matches: -32002 with the URI in data. */
    public Object read(@Variable("call") McpCall call) {
        String uri = call.param("uri");
        if (uri == null) {
            throw JsonRpcException.invalidParams("resources/read needs params.uri");
        }
        call.setName(uri);
        throw new JsonRpcException(JsonRpcErrors.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
                Map.of("uri", uri));
    }
}
