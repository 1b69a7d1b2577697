package dev.lastfmmcp.audit;

import java.util.function.Consumer;

import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Hands a finished exchange that never went through a Camel route (Vert.x-level rejections, GET streams) to
 * {@code direct:audit}, without waiting for it.
 */
public class AuditSender implements Consumer<McpRequest> {

    private final CamelContext context;
    private volatile ProducerTemplate template;

    public AuditSender(CamelContext context) {
        this.context = context;
    }

    @Override
    public void accept(McpRequest request) {
        ProducerTemplate producer = template;
        if (producer == null) {
            synchronized (this) {
                if (template == null) {
                    template = context.createProducerTemplate();
                }
                producer = template;
            }
        }
        producer.asyncSend("direct:audit", exchange -> exchange.setVariable("mcp", request));
    }
}
