package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of the embedded store's index keys, the library's own: H2 compares two index keys by their Java
 * serialization, and it serialized both keys afresh for every comparison of every lookup, which profiling showed
 * as the largest single cost of a relist under load. This type gives the same order (so existing files stay valid)
 * but remembers the serialized form of string keys, bounded so that a large import cannot exhaust memory.
 */
final class MemoizedKeyOrder extends ObjectDataType {
    private static final int REMEMBERED = 20_000;

    private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            return a == b ? 0 : compareNotNull(bytes(ka), bytes(kb));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(KeyValue key) {
        if (!key.stream().allMatch(String.class::isInstance)) {
            return serialize(key);
        }
        byte[] known = serialized.get(key);
        if (known != null) {
            return known;
        }
        if (serialized.size() >= REMEMBERED) {
            serialized.clear(); // the keys compared most (the upper levels of the tree) come back at once
        }
        byte[] bytes = serialize(key);
        serialized.put(key, bytes);
        return bytes;
    }
}
