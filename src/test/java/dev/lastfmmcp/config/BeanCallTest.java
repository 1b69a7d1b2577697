package dev.lastfmmcp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.Variable;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bean method bound once: where each argument comes from, conversions, failures, and what stays with Camel. */
class BeanCallTest {

    private static CamelContext context;

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    public static class Beans {
        public String annotated(@Variable("who") String who, @Header("h") String header, @Body String body,
                @ExchangeProperty("p") Integer property) {
            return who + "|" + header + "|" + body + "|" + property;
        }

        public String plain(String body) {
            return "body=" + body;
        }

        public Exchange camelTypes(Exchange exchange, Message message, CamelContext camel) {
            assertSame(exchange.getMessage(), message);
            assertSame(exchange.getContext(), camel);
            return exchange;
        }

        public String explicit(String who, int count, boolean flag, String quoted, Object nothing) {
            return who + "|" + count + "|" + flag + "|" + quoted + "|" + nothing;
        }

        public long primitive(long value) {
            return value;
        }

        public void nothing(@Body Object body) {
        }

        public String failing() throws Exception {
            throw new java.io.IOException("upstream said no");
        }

        public String twice(String a) {
            return a;
        }

        public String twice(Integer a) {
            return "int";
        }

        public CompletableFuture<String> later() {
            return CompletableFuture.completedFuture("x");
        }

        public String twoBodies(String a, String b) {
            return a + b;
        }
    }

    private static Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void annotatedParametersReadVariablesHeadersBodyAndProperties() throws Exception {
        BeanCall call = BeanCall.of(context, new Beans(), "annotated");
        Exchange exchange = exchange("the body");
        exchange.setVariable("who", "rj");
        exchange.getMessage().setHeader("h", "header");
        exchange.setProperty("p", "7");
        assertEquals("rj|header|the body|7", call.invoke(exchange), "a String property converts to Integer");
        assertFalse(call.isVoid());
        assertEquals("Beans.annotated", call.describe());
    }

    @Test
    void oneUnannotatedParameterTakesTheBodyAndCamelTypesAreTheExchangesOwn() throws Exception {
        assertEquals("body=hi", BeanCall.of(context, new Beans(), "plain").invoke(exchange("hi")));
        Exchange exchange = exchange(null);
        assertSame(exchange, BeanCall.of(context, new Beans(), "camelTypes").invoke(exchange));
        assertNull(BeanCall.of(context, new Beans(), "twoBodies"), "a second unannotated parameter is Camel's");
    }

    @Test
    void explicitParametersTakeSimpleQuotedNumbersBooleansAndNull() throws Exception {
        BeanCall call = BeanCall.of(context, new Beans(),
                "explicit(${variable.who}, 42, true, 'a, (b)', null)");
        assertNotNull(call);
        Exchange exchange = exchange(null);
        exchange.setVariable("who", "rj");
        assertEquals("rj|42|true|a, (b)|null", call.invoke(exchange));
        assertNull(BeanCall.of(context, new Beans(), "explicit(${variable.who}, 42, true, bareword, null)"));
        assertNull(BeanCall.of(context, new Beans(), "explicit(1, 2"), "no closing parenthesis");
    }

    @Test
    void nullForAPrimitiveIsItsDefaultAndAnUnconvertibleValueNamesTheParameter() throws Exception {
        BeanCall call = BeanCall.of(context, new Beans(), "primitive");
        assertEquals(0L, call.invoke(exchange(null)));
        assertEquals(12L, call.invoke(exchange("12")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call.invoke(exchange("twelve")));
        assertTrue(e.getMessage().contains("parameter 0 (long) of Beans.primitive"), e.getMessage());
    }

    @Test
    void theMethodsOwnFailureIsThrownUnwrapped() {
        BeanCall call = BeanCall.of(context, new Beans(), "failing");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> call.invoke(exchange(null)));
        assertEquals("upstream said no", e.getMessage());
    }

    @Test
    void overloadsAsynchronousResultsAndUnknownMethodsStayWithCamel() {
        assertNull(BeanCall.of(context, new Beans(), "twice"));
        assertNull(BeanCall.of(context, new Beans(), "later"));
        assertNull(BeanCall.of(context, new Beans(), "absent"));
        assertNull(BeanCall.of(context, null, "plain"));
        assertNull(BeanCall.of(context, new Beans(), " "));
        assertTrue(BeanCall.of(context, new Beans(), "nothing").isVoid());
    }

    @Test
    void argumentListsSplitOnTopLevelCommasOnly() {
        assertEquals(List.of(), BeanCall.arguments(" "));
        assertEquals(List.of("${variable.a}", "'x,y'", "\"q)\"", "f(1, 2)", "{a, b}"),
                BeanCall.arguments("${variable.a}, 'x,y', \"q)\", f(1, 2), {a, b}"));
        assertNull(BeanCall.arguments("a)"));
        assertNull(BeanCall.arguments("'open"));
        assertNull(BeanCall.arguments("(a"));
    }
}
