package dev.lastfmmcp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MCP_ROUTES_RELOAD=true}: watches {@code MCP_ROUTES_DIR} (every second) and applies a changed or new route
 * file without a restart, one file at a time, guarded: the file is checked first ({@link RouteFiles#check}); a file
 * with a problem is refused with an ERROR line and {@code mcp_route_reloads_total{outcome="refused"}}, and every
 * running route keeps running. A good file's routes replace the routes that came from the file of the same name
 * (the operator's earlier version, or the shipped one); when they cannot start, the routes before are loaded again.
 * Camel's own reload is not used: on 4.18.0 a broken file removes every route (CAMEL-24860) and a file with several
 * routes breaks later reloads (CAMEL-24866). A deleted file's routes stay (a log line says so).
 */
public class RouteReloader extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloader.class);

    private final CamelContext context;
    private final Path dir;
    private final RouteFiles routeFiles;
    private final Consumer<String> outcomes;
    private final Map<Path, FileTime> seen = new HashMap<>();
    private ScheduledExecutorService watcher;

    /** @param outcomes counts each reload: {@code applied} or {@code refused} */
    public RouteReloader(CamelContext context, Path dir, RouteFiles routeFiles, Consumer<String> outcomes) {
        this.context = context;
        this.dir = dir;
        this.routeFiles = routeFiles;
        this.outcomes = outcomes;
    }

    @Override
    protected void doStart() throws IOException {
        for (Path file : RouteFiles.filesOf(dir)) {
            seen.put(file, Files.getLastModifiedTime(file));
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "route-reloader");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::scan, 1, 1, TimeUnit.SECONDS);
        LOG.info("Watching {} for route file changes", dir);
    }

    @Override
    protected void doStop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** One look at the directory: every new or changed file is applied (or refused). */
    synchronized void scan() {
        try {
            List<Path> files = RouteFiles.filesOf(dir);
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (!modified.equals(seen.get(file))) {
                    seen.put(file, modified);
                    apply(file);
                }
            }
            for (Path gone : new ArrayList<>(seen.keySet())) {
                if (!files.contains(gone)) {
                    seen.remove(gone);
                    LOG.warn("Route file {} was deleted: its routes keep running until the next restart (restore a "
                             + "shipped route by restarting without the file)", gone);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Route directory {} could not be read: {}", dir, e.toString());
        }
    }

    /** Checks a changed file and, when it is good, replaces the routes of the file of that name with its routes. */
    void apply(Path file) {
        String name = file.getFileName().toString();
        List<RouteFiles.Problem> problems = routeFiles.check(file);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("Route file refused, the running routes keep running: {}",
                    problem));
            outcomes.accept("refused");
            return;
        }
        List<String> before = routesFrom(name);
        org.apache.camel.model.Model model = context.getCamelContextExtension()
                .getContextPlugin(org.apache.camel.model.Model.class);
        List<org.apache.camel.model.RouteDefinition> kept = new ArrayList<>();
        before.forEach(id -> kept.add(model.getRouteDefinition(id)));
        try {
            remove(before);
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath());
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            outcomes.accept("applied");
            LOG.info("Route file {} reloaded: routes {}", file, String.join(", ", routesFrom(name)));
        } catch (Exception e) {
            LOG.error("Route file refused, its routes could not start: {}: {}; the routes before are running again",
                    file, e.getMessage());
            outcomes.accept("refused");
            try {
                remove(RouteFiles.routeIds(file));
                model.addRouteDefinitions(kept.stream().filter(java.util.Objects::nonNull).toList());
            } catch (Exception again) {
                LOG.error("The routes of {} could not be started again: {}; restart the server", name,
                        again.getMessage());
            }
        }
    }

    private void remove(List<String> ids) throws Exception {
        for (String id : ids) {
            if (context.getRoute(id) != null) {
                context.getRouteController().stopRoute(id, 10, TimeUnit.SECONDS);
                context.removeRoute(id);
            }
        }
    }

    /** The ids of the running routes that came from a file of this name (shipped or the operator's). */
    List<String> routesFrom(String name) {
        List<String> ids = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            Resource source = route.getSourceResource();
            String location = source == null ? null : source.getLocation();
            if (location != null && (location.endsWith("/" + name) || location.endsWith(":" + name))) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }
}
