package dev.cxsentinel.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.event.CommandListener;
import dev.cxsentinel.application.port.out.StoreHealth;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A connection to MongoDB (a replica set, Atlas, or the embedded store) with timeouts short enough that an
 * unreachable database surfaces within about two seconds as a clear error, and the driver reconnects by itself
 * when it returns.
 */
public final class MongoStore implements StoreHealth, AutoCloseable {
    private final MongoClient client;
    private final MongoDatabase database;
    private final boolean embedded;
    private final DueQueue dueQueue = new DueQueue();

    private MongoStore(MongoClient client, MongoDatabase database, boolean embedded) {
        this.client = client;
        this.database = database;
        this.embedded = embedded;
    }

    /** Throws {@link IllegalArgumentException} with the reason for a malformed URI. */
    public static MongoStore connect(String uri, String databaseName) {
        return connect(uri, databaseName, false, null);
    }

    /** The embedded store (this process's or a running instance's): see {@link #ensureIndexes}. */
    public static MongoStore connectEmbedded(String uri, String databaseName) {
        return connect(uri, databaseName, true, null);
    }

    /** {@code listener} (may be null) sees every command sent, for tests that count round trips. */
    static MongoStore connect(String uri, String databaseName, boolean embedded, CommandListener listener) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MONGODB_URI is not a MongoDB connection string (" + e.getMessage() + ")", e);
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName(connection.getApplicationName() != null ? connection.getApplicationName() : "cx-sentinel")
                .applyToClusterSettings(b -> b.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
                .build();
        if (listener != null) {
            settings = MongoClientSettings.builder(settings).addCommandListener(listener).build();
        }
        MongoClient client = MongoClients.create(settings);
        return new MongoStore(client, client.getDatabase(databaseName), embedded);
    }

    /** Why {@code uri} is not a usable MongoDB connection string, or empty when it is. */
    public static Optional<String> problemWith(String uri) {
        try {
            new ConnectionString(uri);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** This process's view of the due outbox markers, shared by the offer writers and the outbox ({@link DueQueue}). */
    DueQueue dueQueue() {
        return dueQueue;
    }

    public MongoDatabase database() {
        return database;
    }

    /** How long an operation a user waits for may take before the store counts as not answering. */
    public static final long INTERACTIVE_TIMEOUT_MS = 2_000;

    /**
     * The database for what a user waits for (a command, a button): each operation has {@link #INTERACTIVE_TIMEOUT_MS}
     * (the driver's client-side operation timeout), so a frozen database is reported in about two seconds, before
     * Slack's three, instead of after the 30 s socket timeout. Imports, deliveries, sweeps, and the list and ASIN
     * searches (which the embedded store, without secondary indexes, answers by reading every offer) use
     * {@link #database()}.
     */
    public MongoDatabase interactive() {
        return database.withTimeout(INTERACTIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Creates the indexes the list queries use on a real MongoDB; idempotent. On the embedded store it creates none:
     * mongo-java-server ignores non-unique secondary indexes but still walked the whole collection for each one at
     * every open (19 s at 100,000 offers), and every query here works without them.
     */
    public void ensureIndexes() {
        if (embedded) {
            return;
        }
        Guard.run(() -> {
            database.getCollection("offers").createIndex(Indexes.ascending("account", "asin"));
            database.getCollection("offers").createIndex(Indexes.ascending("account", "attention", "sku", "marketplace"));
            database.getCollection("offers").createIndex(Indexes.ascending("status", "_id"));
            database.getCollection("offers").createIndex(Indexes.ascending("outbox.state"), new IndexOptions().sparse(true));
            database.getCollection("outbox_due").createIndex(Indexes.ascending("dueAt"));
            database.getCollection("reminders_due").createIndex(Indexes.ascending("sent", "base"));
            database.getCollection("digests").createIndex(Indexes.ascending("state", "dueAt"));
            database.getCollection("audit").createIndex(Indexes.ascending("account", "at"));
            database.getCollection(MongoAuditRepository.OFFER_ACTIONS).createIndex(Indexes.ascending("account", "at"));
            database.getCollection("imports").createIndex(Indexes.ascending("account", "startedAt"));
            database.getCollection("channel_links").createIndex(Indexes.ascending("account"));
        });
    }

    private volatile Supplier<Optional<String>> localProblem = Optional::empty;

    /** A check of the store's own machinery (the embedded store's file and disk), asked before the ping. */
    public void watch(Supplier<Optional<String>> problem) {
        this.localProblem = problem;
    }

    @Override
    public Optional<String> problem() {
        Optional<String> local = localProblem.get();
        if (local.isPresent()) {
            return local;
        }
        return isReachable() ? Optional.empty() : Optional.of("the database does not answer");
    }

    @Override
    public boolean isReachable() {
        try {
            // Its own short deadline: a frozen database must turn /healthz to 503 in seconds, not after the socket timeout.
            database.withTimeout(2, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
