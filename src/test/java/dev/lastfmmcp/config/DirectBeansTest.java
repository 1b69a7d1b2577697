package dev.lastfmmcp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Variable;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes as the YAML writes them (bean steps, bean expressions, Simple paths on variables) give the same answers with
 * the direct beans installed, run on the exchange itself, and leave to Camel what they cannot bind.
 */
class DirectBeansTest {

    public record Fetch(String method, Outcome outcome) {
    }

    public record Outcome(String name) {
    }

    public static class Calls {
        final List<Exchange> seen = new ArrayList<>();

        public Fetch fetch(@Variable("method") String method) {
            return new Fetch(method, new Outcome("cached"));
        }

        public String render(Exchange exchange, @Variable("fetch") Fetch fetch) {
            seen.add(exchange);
            return "rendered " + fetch.method();
        }

        public boolean isCached(@Variable("fetch") Fetch fetch) {
            return "cached".equals(fetch.outcome().name());
        }

        public String overloaded(String body) {
            return "camel bound " + body;
        }

        public String overloaded(Integer body) {
            return "camel bound an int";
        }

        public String fail() {
            throw new IllegalStateException("a bean failed");
        }
    }

    private CamelContext context;
    private Calls calls;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        calls = new Calls();
        context.getRegistry().bind("calls", calls);
        DirectBeans.install(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:flow").routeId("flow")
                    .setVariable("fetch", method("calls", "fetch"))
                    .choice()
                        .when(method("calls", "isCached")).setVariable("state", simple("${variable.fetch.outcome.name}"))
                        .otherwise().setVariable("state", constant("cold"))
                    .end()
                    .bean("calls", "render")
                    .setHeader("state", simple("${variable.state}"));
                from("direct:overloaded").routeId("overloaded").bean("calls", "overloaded(${body})");
                from("direct:failing").routeId("failing")
                    .doTry().bean("calls", "fail")
                    .doCatch(IllegalStateException.class).setBody(simple("caught: ${exception.message}"))
                    .end();
                from("direct:expressionFails").routeId("expressionFails")
                    .setVariable("x", method("calls", "fail"));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void beanStepsExpressionsAndPathsAnswerAsCamelsWouldOnTheExchangeItself() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setVariable("method", "artist.getInfo");
        ProducerTemplate template = context.createProducerTemplate();
        Exchange out = template.send("direct:flow", exchange);
        assertNull(out.getException());
        assertEquals("rendered artist.getInfo", out.getMessage().getBody());
        assertEquals("cached", out.getMessage().getHeader("state"));
        assertSame(exchange, calls.seen.get(0), "the bean saw the exchange itself, not a copy");
    }

    @Test
    void theRoutesBeanStepsAreTheDirectOnes() {
        List<Processor> steps = context.getRoute("flow").filter("*");
        assertTrue(steps.stream().anyMatch(p -> p instanceof DirectBeans.Step),
                "a bean step on a named singleton is a DirectBeans.Step: " + steps);
        assertTrue(context.getRoute("overloaded").filter("*").stream().noneMatch(p -> p instanceof DirectBeans.Step),
                "an overloaded method stays with Camel");
        assertInstanceOf(DirectBeans.Language.class, context.getRegistry().lookupByName(DirectBeans.LANGUAGE_BEAN));
    }

    @Test
    void whatItCannotBindCamelStillDoes() {
        Object answer = context.createProducerTemplate().requestBody("direct:overloaded", "x");
        assertEquals("camel bound x", answer);
    }

    @Test
    void aFailingBeanIsTheExchangesExceptionForStepsAndExpressions() {
        assertEquals("caught: a bean failed", context.createProducerTemplate().requestBody("direct:failing", ""));
        Exchange out = context.createProducerTemplate().send("direct:expressionFails", e -> { });
        assertInstanceOf(IllegalStateException.class, out.getException());
    }
}
