package dev.cxsentinel.adapters.mongo.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/** The embedded server on {@code file}, with the real driver connected to it over TCP, as the app uses it. */
final class ServedStore implements AutoCloseable {
    /** The app's cache size (H2's default). */
    static final int APP_CACHE_MB = 16;

    final MVStore store;
    final DurableH2Backend backend;
    final MongoServer server;
    final MongoClient client;

    ServedStore(Path file, Set<String> derived, int cacheMegabytes) {
        store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
        backend = new DurableH2Backend(store, null, derived);
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("cx").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        store.close();
    }
}
