package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents a collection of the embedded store has examined (matched against a query), as a real
 * MongoDB's {@code explain} reports {@code docsExamined}: tests prove what a query costs by counting, not timing.
 * A document found by an {@code _id} lookup and then checked against the rest of its filter counts once.
 */
public final class Examined {
    private final LongAdder count = new LongAdder();

    void add() {
        count.increment();
    }

    long count() {
        return count.sum();
    }

    /** A collection that counts what it examines. */
    interface Counting {
        Examined examined();
    }

    /** The documents {@code database.collection} has examined so far; 0 for a collection not opened yet. */
    public static long in(MongoBackend backend, String database, String collection) {
        if (!(backend instanceof AbstractMongoBackend b)) {
            return 0;
        }
        MongoDatabase db = b.resolveDatabase(database);
        return db.resolveCollection(collection, false) instanceof Counting c ? c.examined().count() : 0;
    }
}
