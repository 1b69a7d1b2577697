package dev.lastfmmcp.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work done on a thread of its own beside Camel's (the main thread builds the routes meanwhile), and waited
 * for where its result is needed; a failure is thrown there as if the work had run there.
 */
public final class Background {

    private Background() {
    }

    /** Runs {@code work} on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for the work's result; its own exception (unchecked) is thrown here, not a wrapper. */
    public static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
