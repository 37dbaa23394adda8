package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** The in-memory twin of {@link IdFirstH2Collection}, so tests and benchmarks see the same query plans. */
final class IdFirstMemoryCollection extends MemoryCollection {

    IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        return IdFirstLookup.query(super::queryDocuments, this::matchDocumentsFromStream, query, orderBy, skip, limit, batchSize, fields);
    }
}
