package dev.lastfmmcp.edge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxInternal;

/**
 * The Vert.x instance Camel's platform-http server runs on (Camel takes the one in the registry). It is ours so that
 * its worker pools are {@link ElasticWorkerPool}s (a few threads while they keep up, up to the configured maximum
 * when tasks block), and so that the HTTP server Camel creates on it gets the {@link ConnectionLimits}:
 * camel-platform-http-vertx builds its {@code HttpServerOptions} itself and offers no hook for timeouts or a
 * connection handler. Every other call goes to the real instance unchanged.
 */
public final class HttpServerVertx {

    private HttpServerVertx() {
    }

    /** How the worker pools size themselves: {@code core} threads while they keep up, at most {@code max}. */
    public record Workers(int core, int max, Duration spawnAfter) {
    }

    /**
     * A Vert.x whose worker pools size themselves as {@code workers} says, and whose HTTP servers get {@code limits};
     * they also answer requests whose head Vert.x cannot decode (414, 431, 400) with {@code malformed} (when not
     * null) instead of an empty response.
     */
    public static Vertx create(Workers workers, ConnectionLimits limits, MalformedRequests malformed) {
        // Vert.x asks for two pools: the workers (workerPoolSize) and its internal blocking pool (20)
        List<ElasticWorkerPool> pools = new CopyOnWriteArrayList<>();
        VertxInternal real = (VertxInternal) new VertxBuilder(new VertxOptions().setWorkerPoolSize(workers.max()))
                .executorServiceFactory((threads, concurrency, maxConcurrency) -> {
                    ElasticWorkerPool pool = new ElasticWorkerPool(workers.core(), maxConcurrency,
                            workers.spawnAfter(), threads);
                    pools.add(pool);
                    return pool;
                }).init().vertx();
        if (pools.stream().anyMatch(ElasticWorkerPool::isElastic)) {
            real.setPeriodic(Math.max(1, workers.spawnAfter().toMillis() / 2), id -> {
                long at = System.nanoTime();
                pools.forEach(pool -> pool.check(at));
            });
        }
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                if (method.getName().equals("createHttpServer") && args != null && args.length == 1
                    && args[0] instanceof HttpServerOptions options) {
                    HttpServerOptions applied = limits.apply(options);
                    HttpServer server = real.createHttpServer(applied);
                    if (malformed != null) {
                        server.invalidRequestHandler(malformed.invalidRequests(applied));
                    }
                    return server.connectionHandler(limits.connectionHandler(real));
                }
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Vertx) Proxy.newProxyInstance(HttpServerVertx.class.getClassLoader(),
                new Class<?>[] {VertxInternal.class}, handler);
    }
}
