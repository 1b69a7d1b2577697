package dev.lastfmmcp.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The worker pool's sizing, with real threads and the check's clock given: a few threads while tasks are served
 * promptly, more when the running ones block, never more than the maximum, and back to the core size when calm.
 */
class ElasticWorkerPoolTest {

    private static final Duration SPAWN_AFTER = Duration.ofMillis(20);
    private static final long LATER = SPAWN_AFTER.toNanos() * 5;

    private final List<ElasticWorkerPool> pools = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        for (ElasticWorkerPool pool : pools) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private ElasticWorkerPool pool(int core, int max) {
        ElasticWorkerPool pool = new ElasticWorkerPool(core, max, SPAWN_AFTER, Executors.defaultThreadFactory());
        pools.add(pool);
        return pool;
    }

    /** Submits {@code n} tasks that hold their thread until {@link #release}; returns once all have started. */
    private void block(ElasticWorkerPool pool, int n) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            pool.execute(holding(started));
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /** A task that counts {@code started} down, then holds its thread until {@link #release}. */
    private Runnable holding(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void staysAtItsCoreWhileTasksAreServedPromptly() throws InterruptedException {
        ElasticWorkerPool pool = pool(2, 8);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(500);
        for (int i = 0; i < 500; i++) {
            pool.execute(() -> {
                done.incrementAndGet();
                all.countDown();
            });
            pool.check(System.nanoTime());
        }
        assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        pool.check(System.nanoTime());
        assertThat(done).hasValue(500);
        assertThat(pool.currentSize()).isEqualTo(2);
        assertThat(pool.getLargestPoolSize()).isEqualTo(2);
    }

    @Test
    void startsMoreThreadsWhenTheRunningOnesBlock() throws InterruptedException {
        ElasticWorkerPool pool = pool(2, 8);
        block(pool, 2);
        CountDownLatch ping = new CountDownLatch(1);
        pool.execute(ping::countDown);
        // queued behind two blocked threads: not yet too long, nothing changes
        pool.check(System.nanoTime());
        assertThat(pool.currentSize()).isEqualTo(2);
        assertThat(ping.await(50, TimeUnit.MILLISECONDS)).isFalse();
        // waited longer than the spawn delay: a thread starts for it while the others still block
        pool.check(System.nanoTime() + LATER);
        assertThat(ping.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.currentSize()).isEqualTo(3);
    }

    @Test
    void growsByTheWaitingTasksButNeverBeyondItsMaximum() throws InterruptedException {
        ElasticWorkerPool pool = pool(1, 4);
        block(pool, 1);
        CountDownLatch waiting = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            pool.execute(holding(waiting));
        }
        pool.check(System.nanoTime() + LATER);
        assertThat(pool.currentSize()).isEqualTo(4);
        pool.check(System.nanoTime() + LATER);
        assertThat(pool.currentSize()).isEqualTo(4);
        // three of the five run on the three new threads; two wait for one to finish
        assertThat(waiting.await(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(waiting.getCount()).isEqualTo(2);
        release.countDown();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shrinksBackToItsCoreWhenNothingWaits() throws InterruptedException {
        ElasticWorkerPool pool = pool(2, 20);
        block(pool, 2);
        CountDownLatch ran = new CountDownLatch(18);
        for (int i = 0; i < 18; i++) {
            pool.execute(ran::countDown);
        }
        pool.check(System.nanoTime() + LATER);
        assertThat(pool.currentSize()).isEqualTo(20);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        // one calm check is not enough: a step needs CALM_CHECKS of them in a row
        pool.check(System.nanoTime());
        assertThat(pool.currentSize()).isEqualTo(20);
        int checks = 0;
        while (pool.currentSize() > 2 && checks < 1_000) {
            pool.check(System.nanoTime());
            checks++;
        }
        assertThat(pool.currentSize()).isEqualTo(2);
        assertThat(checks).isGreaterThan(ElasticWorkerPool.CALM_CHECKS * 2);
        // the threads above the new size end once idle
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.getPoolSize() == 2);
    }

    @Test
    void aFixedPoolNeverChanges() throws InterruptedException {
        ElasticWorkerPool pool = pool(3, 3);
        block(pool, 3);
        pool.execute(() -> { });
        pool.check(System.nanoTime() + LATER);
        assertThat(pool.currentSize()).isEqualTo(3);
        assertThat(pool.getCorePoolSize()).isEqualTo(3);
    }

    /** Vert.x's own workers (what platform-http runs the routes on): the third task runs while two block. */
    @Test
    void vertxWorkersStartAnotherThreadWhenTheirCoreThreadsBlock() throws Exception {
        Vertx vertx = HttpServerVertx.create(new HttpServerVertx.Workers(2, 8, SPAWN_AFTER), limits(), null);
        try {
            blockOn(vertx, 2);
            assertThat(nameOfWorker(vertx).get(5, TimeUnit.SECONDS)).startsWith("vert.x-worker-thread");
        } finally {
            release.countDown();
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    /** The same with a fixed pool of two: the third task waits for one of them. */
    @Test
    void aFixedVertxPoolMakesTheThirdTaskWait() throws Exception {
        Vertx vertx = HttpServerVertx.create(new HttpServerVertx.Workers(2, 2, SPAWN_AFTER), limits(), null);
        try {
            blockOn(vertx, 2);
            CompletableFuture<String> third = nameOfWorker(vertx);
            assertThat(catchThrowable(() -> third.get(300, TimeUnit.MILLISECONDS)))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(third.get(5, TimeUnit.SECONDS)).startsWith("vert.x-worker-thread");
        } finally {
            release.countDown();
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static ConnectionLimits limits() {
        return new ConnectionLimits(new ConnectionLimits.Settings(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 100, 100));
    }

    private void blockOn(Vertx vertx, int n) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            vertx.executeBlocking(() -> {
                started.countDown();
                release.await();
                return null;
            }, false);
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static CompletableFuture<String> nameOfWorker(Vertx vertx) {
        return vertx.executeBlocking(() -> Thread.currentThread().getName(), false).toCompletionStage()
                .toCompletableFuture();
    }

    @Test
    void refusesSizesAndDelaysThatAreNotPositive() {
        assertThatThrownBy(() -> pool(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mcp.http.worker-threads-core").hasMessageContaining("they are 0, 4 and PT0.02S");
        assertThatThrownBy(() -> pool(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mcp.http.worker-threads");
        assertThatThrownBy(() -> new ElasticWorkerPool(2, 4, Duration.ZERO, Executors.defaultThreadFactory()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mcp.http.worker-spawn-after");
    }
}
