package dev.cxsentinel.adapters.mongo;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract against a genuine MongoDB, when {@code CX_TEST_MONGODB_URI} names one (a replica set or
 * Atlas). Without it JUnit reports these tests as skipped, with this reason.
 */
@EnabledIfEnvironmentVariable(named = "CX_TEST_MONGODB_URI", matches = ".+",
        disabledReason = "set CX_TEST_MONGODB_URI to run the store contract against a real MongoDB")
class RealMongoContractTest extends OfferStoreContract {
    @Override
    MongoStore connect(String database) {
        return MongoStore.connect(System.getenv("CX_TEST_MONGODB_URI"), database);
    }
}
