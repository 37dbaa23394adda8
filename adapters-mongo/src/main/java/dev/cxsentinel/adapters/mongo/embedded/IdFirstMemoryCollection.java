package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;

/** The in-memory twin of {@link IdFirstH2Collection}, so tests and benchmarks see the same query plans. */
final class IdFirstMemoryCollection extends MemoryCollection {

    IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        if (IdFirstLookup.idPart(query) == null && SortedPage.applies(orderBy, limit)) {
            Comparator<Document> order = deriveComparator(orderBy);
            List<Document> page = SortedPage.best(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument),
                    this::documentMatchesQuery, query, order, skip + limit);
            return matchDocumentsFromStream(query, page.stream(), skip, limit, batchSize, order, fields);
        }
        return IdFirstLookup.query(super::queryDocuments, this::matchDocumentsFromStream, query, orderBy, skip, limit, batchSize, fields);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        return super.matchDocuments(IdFirstLookup.afterIndex(query), positions, orderBy, skip, limit, batchSize, fields);
    }
}
