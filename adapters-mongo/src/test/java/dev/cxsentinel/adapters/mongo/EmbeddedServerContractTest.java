package dev.cxsentinel.adapters.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over TCP against mongo-java-server (memory backend, random port) with the real driver. */
class EmbeddedServerContractTest extends OfferStoreContract {
    static EmbeddedStore server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedStore.inMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    MongoStore connect(String database) {
        return MongoStore.connect(server.connectionString(), database);
    }
}
