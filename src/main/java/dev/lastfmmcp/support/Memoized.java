package dev.lastfmmcp.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean method whose result is a function of its arguments only (no clock, no caller, no state): when a route calls
 * it again with the same arguments ({@link ResultMemo#key}), the result it returned before is returned again. Only for
 * methods whose results are never changed afterwards.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Memoized {
}
