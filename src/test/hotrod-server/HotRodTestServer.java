import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.github.bucket4j.grid.infinispan.serialization.Bucket4jProtobufContextInitializer;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.commons.marshall.Marshaller;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.infinispan.server.core.admin.embeddedserver.EmbeddedServerAdminOperationHandler;
import org.infinispan.server.hotrod.HotRodServer;
import org.infinispan.server.hotrod.configuration.HotRodServerConfigurationBuilder;
import org.infinispan.tasks.ServerTask;
import org.infinispan.tasks.Task;
import org.infinispan.tasks.TaskContext;
import org.infinispan.tasks.TaskManager;
import org.infinispan.tasks.spi.TaskEngine;
import org.infinispan.util.concurrent.BlockingManager;

/**
 * Test stand-in for an Infinispan Server (one node, 127.0.0.1 only): a clustered cache manager alone in its JGroups
 * cluster (TCP on loopback, no discovery), a Hot Rod endpoint that creates caches on the client's request, and the
 * ServerTasks found on the class path (Bucket4j's). Args: Hot Rod port, JGroups port, state directory. Prints
 * "READY port" when it serves.
 */
public class HotRodTestServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int jgroups = Integer.parseInt(args[1]);
        String stack = """
                <config xmlns="urn:org:jgroups">
                   <TCP bind_addr="127.0.0.1" bind_port="%1$d" port_range="0" diag.enabled="false"/>
                   <LOCAL_PING/>
                   <MERGE3/>
                   <pbcast.NAKACK2 use_mcast_xmit="false"/>
                   <UNICAST3/>
                   <pbcast.STABLE/>
                   <pbcast.GMS print_local_addr="false" join_timeout="100ms"/>
                   <FRAG4/>
                </config>""".formatted(jgroups);
        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.transport().clusterName("hotrod-test-" + port).nodeName("server-" + port)
                .addProperty(JGroupsTransport.CONFIGURATION_STRING, stack);
        global.serialization().addContextInitializer(new Bucket4jProtobufContextInitializer());
        // caches created by clients are kept in the global state (and file stores live under it), as on a server
        String state = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[2])).toString();
        global.globalState().enable().persistentLocation(state).sharedPersistentLocation(state)
                .temporaryLocation(state)
                .configurationStorage(org.infinispan.globalstate.ConfigurationStorage.OVERLAY);
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        TaskManager tasks = GlobalComponentRegistry.of(manager).getComponent(TaskManager.class);
        tasks.registerTaskEngine(new ServerTasks());
        HotRodServer server = new HotRodServer();
        server.start(new HotRodServerConfigurationBuilder().host("127.0.0.1").port(port)
                .adminOperationsHandler(new EmbeddedServerAdminOperationHandler()).build(), manager);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            manager.stop();
        }));
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Runs the ServerTasks of the class path (what an Infinispan Server does with the jars in server/lib). */
    static final class ServerTasks implements TaskEngine {

        private static final Marshaller PROTOSTREAM = new org.infinispan.commons.marshall.ProtoStreamMarshaller();

        private final List<ServerTask<?>> tasks = StreamSupport.stream(ServiceLoader.load(ServerTask.class)
                .spliterator(), false).map(task -> (ServerTask<?>) task).collect(Collectors.toList());

        @Override
        public String getName() {
            return "server-tasks";
        }

        @Override
        public List<Task> getTasks() {
            return List.copyOf(tasks);
        }

        /**
         * As Infinispan Server's task engine does: the parameters arrive as the client marshalled them and are
         * unmarshalled first, the task sees the cache's values as objects, and the result goes back marshalled.
         */
        @Override
        @SuppressWarnings("unchecked")
        public <T> CompletionStage<T> runTask(String name, TaskContext context, BlockingManager blocking) {
            ServerTask<T> task = (ServerTask<T>) tasks.stream().filter(t -> t.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Task not found: " + name));
            // the clients marshal with ProtoStream (the Hot Rod client's default), as the server would convert from
            // the request's media type
            Marshaller marshaller = context.getMarshaller().orElse(PROTOSTREAM);
            if (context.getParameters().isPresent()) {
                Map<String, Object> parameters = new HashMap<>();
                context.getParameters().get().forEach((key, value) -> parameters.put(key, unmarshal(marshaller, value)));
                context.parameters(parameters);
            }
            context.getCache().ifPresent(cache -> context.cache(cache.getAdvancedCache()
                    .withMediaType(MediaType.APPLICATION_OBJECT_TYPE, MediaType.APPLICATION_OBJECT_TYPE)));
            return blocking.supplyBlocking(() -> {
                try {
                    task.setTaskContext(context);
                    T result = task.call();
                    return result == null ? null : (T) marshaller.objectToByteBuffer(result);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, name);
        }

        private static Object unmarshal(Marshaller marshaller, Object value) {
            try {
                return value instanceof byte[] bytes ? marshaller.objectFromByteBuffer(bytes) : value;
            } catch (Exception e) {
                throw new IllegalArgumentException("a task parameter cannot be read", e);
            }
        }

        @Override
        public boolean handles(String name) {
            return tasks.stream().anyMatch(t -> t.getName().equals(name));
        }
    }
}
