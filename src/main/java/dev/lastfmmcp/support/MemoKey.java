package dev.lastfmmcp.support;

/**
 * A value that can take part in a {@link ResultMemo} key: what identifies it for a {@link Memoized} method, or null
 * when a result computed from it must not be reused (a stale answer whose age changes, a failure that is not cached).
 */
public interface MemoKey {

    Object memoKey();

    /** The object itself, compared by identity: a cache entry's data stays the same instance while it is cached. */
    static Object same(Object value) {
        return value == null ? null : new Same(value);
    }

    /** Equal when it is the same instance. */
    final class Same {
        private final Object ref;

        Same(Object ref) {
            this.ref = ref;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.ref == ref;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ref);
        }
    }
}
