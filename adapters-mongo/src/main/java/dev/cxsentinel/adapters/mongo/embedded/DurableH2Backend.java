package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend commits on its own only about once a second, so a hard kill could lose the last second of
 * acknowledged writes. This backend commits every write command before it is acknowledged, with group commit:
 * writes that finish while a commit runs are covered by the next one, which one thread does for all of them.
 *
 * <p>Except writes to the collections named {@code derived}: markers that the store rebuilds from the offers after
 * an unclean stop (and fingerprints it forgets then). They ride along with the next commit (the offer write that
 * follows them, or H2's own within a second), which makes a relist one file commit. Those collections are written
 * by {@code _id} only, so their scans need not hold them ({@link IdFirstH2Collection}).
 */
public final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    // static: the library opens the stored databases from its constructor, before this class's fields are set
    private static final MemoizedKeyOrder KEY_ORDER = new MemoizedKeyOrder();
    private static final BsonDocumentType DOCUMENT_TYPE = new BsonDocumentType();
    private final AtomicLong applied = new AtomicLong();
    /** File commits made for acknowledged writes, in this JVM: tests count them. */
    public static final AtomicLong COMMITS = new AtomicLong();
    private final Object commitLock = new Object();
    private long committed;
    private static final io.netty.util.AttributeKey<Boolean> ADMITTED = io.netty.util.AttributeKey.valueOf("cx-admitted");
    private static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "buildinfo", "ping", "getlasterror", "endsessions");
    private final String applicationName;
    private final Set<String> derived;

    /**
     * {@code applicationName}: the name a client must give in its connection handshake (the driver sends it as
     * {@code client.application.name}) before any other command is served; {@code null} serves every client.
     */
    public DurableH2Backend(MVStore store, String applicationName, Set<String> derived) {
        super(store);
        this.applicationName = applicationName;
        this.derived = Set.copyOf(derived);
    }

    /**
     * The library's H2 database with {@link IdFirstH2Collection}s and {@link H2KeyIndex}es. The map names are the
     * library's own ({@code databases.<ns>}, {@code meta.<ns>}, {@code <ns>._index_<name>}) and so is the key
     * order, so files written by either read the same; a test pins that. Documents are kept as BSON
     * ({@link BsonDocumentType}); documents a file holds in the library's Java serialization are still read.
     * An inner class on purpose: the library's constructor opens the collections before a subclass's own fields
     * are set, but the outer instance (and with it the store) is already there.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new H2Database(name, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collection);
                MVStore store = getMvStore();
                MVMap<Object, Document> data = store.openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(DOCUMENT_TYPE));
                return new IdFirstH2Collection(this, collection, options, data, store.openMap("meta." + namespace), cursorRegistry,
                        () -> derived != null && derived.contains(collection));
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys, boolean sparse) {
                MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collection) + "._index_" + index,
                        new MVMap.Builder<KeyValue, Object>().keyType(KEY_ORDER));
                return new H2KeyIndex(map, index, keys, sparse);
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        admit(channel, command, query);
        Document result = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && !derived.contains(String.valueOf(query.get(command)))) {
            commitThrough(applied.incrementAndGet());
        }
        return result;
    }

    /**
     * The loopback port is reachable by any local process: a connection is served only after its handshake named
     * the application name written, readable by the owner only, in the data directory. Handshake commands are
     * answered to anyone (the driver needs them to connect); anything else on a connection that did not name it is
     * refused as unauthorized.
     */
    private void admit(Channel channel, String command, Document query) {
        if (applicationName == null || Boolean.TRUE.equals(channel.attr(ADMITTED).get())) {
            return;
        }
        String name = command.toLowerCase(Locale.ROOT);
        if (HANDSHAKE.contains(name)) {
            if (applicationName.equals(applicationNameIn(query))) {
                channel.attr(ADMITTED).set(Boolean.TRUE);
            }
            return;
        }
        throw new MongoServerError(13, "Unauthorized",
                "command " + command + " requires the embedded store's application name in the connection handshake");
    }

    private static String applicationNameIn(Document handshake) {
        Object client = handshake.get("client");
        if (client instanceof Document c && c.get("application") instanceof Document a && a.get("name") != null) {
            return a.get("name").toString();
        }
        return null;
    }

    /** Returns once a commit that began after write number {@code write} was applied has finished. */
    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (committed >= write) {
                return;
            }
            long target = applied.get();
            try {
                commit();
                COMMITS.incrementAndGet();
            } catch (RuntimeException e) {
                throw new MongoServerError(8, "WriteFailed", "the embedded store's file could not be written: " + rootCause(e));
            }
            committed = target;
        }
    }

    /** The file system's own words (say "No space left on device"), which the wrapped H2 errors hide. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
