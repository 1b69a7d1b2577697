package dev.lastfmmcp.edge;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's worker pool (the threads the routes run on), as many threads as the work needs: {@code core} threads
 * serve the queue while they keep up, and more (up to {@code max}) start only when the oldest waiting task has
 * waited longer than {@code spawnAfter}, which is what happens when the running tasks block (tool calls waiting
 * on Last.fm behind the throttle) rather than compute. When the queue is served promptly again, the pool shrinks
 * back to {@code core}, a quarter of the extra threads at a time.
 *
 * <p>Why not a fixed pool of {@code max}: its idle threads wait on the queue in turn, so every request ran on the
 * thread idle the longest, and under load as many threads ran at once as requests were in flight (32 on 2 cores),
 * each request on a cold stack. With 8 threads serving the queue, a cached tool call's p99 at 32 connections fell
 * by a fifth to a quarter and the thread stacks by 7 MB (the CPU per request within the noise). A fixed pool of a
 * few threads does as well under that load, but a few slow tool calls would hold all of them and make a
 * {@code ping} wait.
 *
 * <p>{@link #check(long)} makes the decisions; the owner calls it on a timer ({@link HttpServerVertx} every
 * {@code spawnAfter / 2}). The pool is always fixed-size between checks (core == maximum), so the JDK executor never
 * starts or ends a thread by itself.
 */
public final class ElasticWorkerPool extends ThreadPoolExecutor {

    /** Consecutive calm checks before the pool shrinks a step. */
    static final int CALM_CHECKS = 20;

    private final int core;
    private final int max;
    private final long spawnAfterNanos;
    private int calm;

    public ElasticWorkerPool(int core, int max, Duration spawnAfter, ThreadFactory threads) {
        super(coreOf(core, max, spawnAfter), coreOf(core, max, spawnAfter), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        this.core = getCorePoolSize();
        this.max = max;
        this.spawnAfterNanos = spawnAfter.toNanos();
    }

    /** The core size ({@code core}, at most {@code max}); refuses sizes below 1 and a delay that is not positive. */
    private static int coreOf(int core, int max, Duration spawnAfter) {
        if (core < 1 || max < 1 || spawnAfter == null || spawnAfter.isNegative() || spawnAfter.isZero()) {
            throw new IllegalArgumentException("mcp.http.worker-threads-core and mcp.http.worker-threads must be at "
                                               + "least 1 and mcp.http.worker-spawn-after above 0; they are " + core
                                               + ", " + max + " and " + spawnAfter);
        }
        return Math.min(core, max);
    }

    @Override
    public void execute(Runnable task) {
        super.execute(new Queued(task, System.nanoTime()));
    }

    /**
     * Grows the pool when the oldest queued task has waited longer than the spawn delay (by as many threads as tasks
     * wait, up to the maximum); shrinks it toward the core size after {@link #CALM_CHECKS} checks in a row where
     * nothing waited longer than a quarter of it. {@code now} is {@link System#nanoTime()}.
     */
    public synchronized void check(long now) {
        Runnable head = getQueue().peek();
        long waited = head instanceof Queued queued ? now - queued.since : 0;
        int size = getMaximumPoolSize();
        if (waited > spawnAfterNanos && size < max) {
            resize(Math.min(max, size + Math.max(1, getQueue().size())));
            calm = 0;
        } else if (waited <= spawnAfterNanos / 4 && size > core) {
            if (++calm >= CALM_CHECKS) {
                resize(size - Math.max(1, (size - core) / 4));
                calm = 0;
            }
        } else {
            calm = 0;
        }
    }

    /** False for a fixed pool (core == max): {@link #check} never changes it. */
    public boolean isElastic() {
        return core < max;
    }

    /** The threads the pool may run now (between {@code core} and {@code max}). */
    public int currentSize() {
        return getMaximumPoolSize();
    }

    private void resize(int size) {
        if (size > getMaximumPoolSize()) {
            setMaximumPoolSize(size);
            // starts a thread for each queued task, up to the new size
            setCorePoolSize(size);
        } else {
            setCorePoolSize(size);
            // threads above the new maximum end when they finish their task
            setMaximumPoolSize(size);
        }
    }

    /** A task with the time it was queued at. */
    private record Queued(Runnable task, long since) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }
}
