package dev.lastfmmcp.audit;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Variable;

/**
 * Writes one audit record into the {@code mcp-audit} cache: the embedded Infinispan's (distributed with 2 owners in a
 * cluster) or, with {@code INFINISPAN_HOSTS}, the Infinispan Server cluster's. The same map-shaped store the other
 * stores write through, so the audit route does not depend on where the cache lives.
 */
public class AuditStore {

    private final Supplier<? extends Map<String, String>> store;

    /** @param store the cache, looked up at first use (the cache manager starts lazily) */
    public AuditStore(Supplier<? extends Map<String, String>> store) {
        this.store = store;
    }

    /** Stores the record under its key (arrival millis, a part unique to the record, correlation id). */
    public void put(@Variable("auditKey") String key, @Variable("auditRecord") String record) {
        store.get().put(key, record);
    }
}
