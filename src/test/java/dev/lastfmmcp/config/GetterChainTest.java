package dev.lastfmmcp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

/** The Simple OGNL paths the routes read, evaluated without Camel's per-evaluation introspection. */
class GetterChainTest {

    public record Call(String method, Outcome outcome) {
    }

    public record Outcome(String name, boolean retryable) {
    }

    public static class Bean {
        public String getTitle() {
            return "title";
        }

        public boolean isLoved() {
            return true;
        }

        public void getNothing() {
        }

        public String broken() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aChainOfRecordComponentsReadsEachStep() {
        GetterChain chain = GetterChain.parse(".outcome.name");
        assertNotNull(chain);
        assertEquals("stale", chain.evaluate(new Call("artist.getInfo", new Outcome("stale", true))));
        assertEquals("artist.getInfo", GetterChain.parse("method").evaluate(new Call("artist.getInfo", null)));
        assertEquals(true, GetterChain.parse("outcome.retryable()").evaluate(new Call("x", new Outcome("ok", true))));
    }

    @Test
    void getAndIsPrefixesAreFound() {
        assertEquals("title", GetterChain.parse("title").evaluate(new Bean()));
        assertEquals(true, GetterChain.parse("loved").evaluate(new Bean()));
        assertNull(GetterChain.getter(Bean.class, "nothing"), "a void method is no getter");
        assertNull(GetterChain.getter(Bean.class, "missing"));
    }

    @Test
    void aNullSafeStepAnswersNullAndAPlainOneFails() {
        Call call = new Call("x", null);
        assertNull(GetterChain.parse("outcome?.name").evaluate(call));
        RuntimeCamelException e = assertThrows(RuntimeCamelException.class,
                () -> GetterChain.parse("outcome.name").evaluate(call));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void aMissingMethodIsNamedAndAFailingOneThrowsItsOwnException() {
        RuntimeCamelException missing = assertThrows(RuntimeCamelException.class,
                () -> GetterChain.parse("method.nope").evaluate(new Call("x", null)));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> GetterChain.parse("broken").evaluate(new Bean()));
    }

    @Test
    void pathsWithIndexesOrArgumentsStayWithCamel() {
        assertNull(GetterChain.parse(null));
        assertNull(GetterChain.parse("items[0]"));
        assertNull(GetterChain.parse("get('a')"));
        assertNull(GetterChain.parse("a..b"));
        assertNull(GetterChain.parse(""));
    }

    @Test
    void aPathIsParsedOnceAndStartsOnlyOnAClassThatHasItsFirstStep() {
        assertSame(GetterChain.parse(".outcome.name"), GetterChain.parse(".outcome.name"));
        GetterChain chain = GetterChain.parse("outcome.name");
        assertTrue(chain.startsOn(new Call("x", null)));
        assertTrue(chain.startsOn(null));
        assertFalse(chain.startsOn("a string has no outcome()"));
    }
}
