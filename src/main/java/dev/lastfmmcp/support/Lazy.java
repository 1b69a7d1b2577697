package dev.lastfmmcp.support;

import java.util.function.Supplier;

/** A value built on first use (for pages that need the listening port, known only once the server is up). */
public class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    /** Runs {@code action} on the value if it was built; builds nothing. */
    public void ifBuilt(java.util.function.Consumer<? super T> action) {
        T v = value;
        if (v != null) {
            action.accept(v);
        }
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = factory.get();
                }
                v = value;
            }
        }
        return v;
    }
}
