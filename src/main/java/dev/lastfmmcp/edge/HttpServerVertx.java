package dev.lastfmmcp.edge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;

/**
 * The Vert.x instance Camel's platform-http server runs on (Camel takes the one in the registry). It is ours so that
 * the worker pool has the configured size, and so that the HTTP server Camel creates on it gets the
 * {@link ConnectionLimits}: camel-platform-http-vertx builds its {@code HttpServerOptions} itself and offers no hook
 * for timeouts or a connection handler. Every other call goes to the real instance unchanged.
 */
public final class HttpServerVertx {

    private HttpServerVertx() {
    }

    public static Vertx create(int workerThreads, ConnectionLimits limits) {
        return create(workerThreads, limits, null);
    }

    /**
     * As {@link #create(int, ConnectionLimits)}; the HTTP server also answers requests whose head Vert.x cannot
     * decode (414, 431, 400) with {@code malformed} instead of an empty response.
     */
    public static Vertx create(int workerThreads, ConnectionLimits limits, MalformedRequests malformed) {
        VertxInternal real = (VertxInternal) Vertx.vertx(new VertxOptions().setWorkerPoolSize(workerThreads));
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
