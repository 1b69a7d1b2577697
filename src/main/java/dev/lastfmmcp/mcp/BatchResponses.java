package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.camel.Exchange;

/** Collects the responses of a batch (split) into one array; notifications add nothing. */
public class BatchResponses implements org.apache.camel.AggregationStrategy {
    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange target = oldExchange == null ? newExchange : oldExchange;
        ArrayNode responses = oldExchange == null
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                : oldExchange.getMessage().getBody(ArrayNode.class);
        Object body = newExchange.getMessage().getBody();
        if (body instanceof JsonNode node && !node.isNull()) {
            responses.add(node);
        }
        target.getMessage().setBody(responses);
        return target;
    }
}
