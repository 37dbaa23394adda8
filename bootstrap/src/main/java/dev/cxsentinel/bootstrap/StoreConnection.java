package dev.cxsentinel.bootstrap;

import dev.cxsentinel.adapters.mongo.EmbeddedStore;
import dev.cxsentinel.adapters.mongo.MongoStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store a process works on: MongoDB when {@code MONGODB_URI} is set; otherwise the embedded store in
 * {@code CX_DATA_DIR}, opened by this process or, for {@code import}, reached through the instance already
 * serving that directory.
 */
public final class StoreConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConnection.class);
    private final MongoStore mongo;
    private final EmbeddedStore embedded;
    private final String description;

    private StoreConnection(MongoStore mongo, EmbeddedStore embedded, String description) {
        this.mongo = mongo;
        this.embedded = embedded;
        this.description = description;
        if (embedded != null) {
            mongo.watch(embedded::problem);
        }
    }

    public static StoreConnection open(Config config, boolean joinRunningInstance) {
        if (config.mongoUri() != null) {
            return new StoreConnection(MongoStore.connect(config.mongoUri(), config.mongoDatabase()), null,
                    "MongoDB database " + config.mongoDatabase());
        }
        if (joinRunningInstance) {
            Optional<String> running = EmbeddedStore.runningInstance(config.dataDir());
            if (running.isPresent()) {
                LOG.info("working through the running instance's embedded store at {}", running.get());
                return new StoreConnection(MongoStore.connectEmbedded(running.get(), config.mongoDatabase()), null,
                        "the running instance's embedded store (" + config.dataDir() + ")");
            }
        }
        EmbeddedStore embedded = EmbeddedStore.open(config.dataDir());
        return new StoreConnection(MongoStore.connectEmbedded(embedded.connectionString(), config.mongoDatabase()), embedded,
                "embedded store in " + config.dataDir().toAbsolutePath().normalize());
    }

    /** A connection this class did not open (tests, benchmarks): closing it closes the client only. */
    public static StoreConnection of(MongoStore mongo, String description) {
        return new StoreConnection(mongo, null, description);
    }

    /**
     * Whether the start-up must look for outbox markers a crash may have left out: always on MongoDB (an index makes
     * it cheap), on the embedded store only after an unclean stop or an interrupted import (it scans every offer).
     */
    public boolean needsOutboxRepair() {
        return embedded == null || !embedded.startedClean();
    }

    /** Runs {@code action} whenever the embedded store's file was reopened after a failed write (no-op on MongoDB). */
    public void onReopened(Runnable action) {
        if (embedded != null) {
            embedded.onReopened(action);
        }
    }

    /** After the start-up's repair of an unclean stop: this process may now record an orderly stop (embedded store). */
    public void repaired() {
        if (embedded != null) {
            embedded.markRepaired();
        }
    }

    /** Whether this process opened the embedded store itself (and so holds it alone: no other process writes to it). */
    public boolean ownsStore() {
        return embedded != null;
    }

    public MongoStore mongo() {
        return mongo;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        mongo.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
