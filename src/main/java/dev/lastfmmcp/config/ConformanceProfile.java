package dev.lastfmmcp.config;

import dev.lastfmmcp.tools.conformance.ConformanceTools;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * The conformance profile ({@code MCP_CONFORMANCE_FIXTURES=true}): the fixture tools, resources and prompts of the
 * official MCP conformance suite, for running its whole suite against this server. Never on in production (the
 * Dockerfile and the README's quick start leave it off). What it adds is data and routes like the product's own: the
 * tool family of the index's {@value #NAME} profile, {@value #RESOURCES}, {@value #PROMPTS} and the route file
 * {@value #ROUTES}, with the {@code conformanceTools} bean.
 */
public final class ConformanceProfile {

    public static final String NAME = "conformance";
    public static final String RESOURCES = "mcp/conformance/resources.yaml";
    public static final String PROMPTS = "mcp/conformance/prompts.yaml";
    public static final String ROUTES = "classpath:routes/conformance/tools-conformance.camel.yaml";

    private ConformanceProfile() {
    }

    /** Binds the fixtures' bean and adds their routes (before the context starts). */
    static void install(CamelContext context, ConformanceTools tools) throws Exception {
        context.getRegistry().bind("conformanceTools", tools);
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(
                ROUTES));
    }
}
