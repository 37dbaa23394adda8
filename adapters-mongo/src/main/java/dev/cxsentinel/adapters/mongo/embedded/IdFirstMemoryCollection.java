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
import java.util.stream.Stream;

/**
 * The in-memory twin of {@link IdFirstH2Collection}, so tests and benchmarks see the same query plans and counts.
 * It repeats that class's overrides line for line on purpose: the library's H2 and memory collections share no
 * class below {@code AbstractSynchronizedMongoCollection} that could carry them, and the logic they call is shared
 * ({@link IdFirstLookup}, {@link SortedPage}, {@link Examined}). Change both together.
 */
final class IdFirstMemoryCollection extends MemoryCollection implements Examined.Counting {
    private final Examined examined = new Examined();
    /** Set while documents already counted are checked against the rest of their filter (the collection is synchronized). */
    private boolean checkingAgain;

    IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        if (IdFirstLookup.idPart(query) == null && SortedPage.applies(orderBy, limit)) {
            Comparator<Document> order = deriveComparator(orderBy);
            List<Document> page = SortedPage.best(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument),
                    this::documentMatchesQuery, query, order, skip + limit);
            checkingAgain = true;
            try {
                return matchDocumentsFromStream(query, page.stream(), skip, limit, batchSize, order, fields);
            } finally {
                checkingAgain = false;
            }
        }
        return IdFirstLookup.query(super::queryDocuments, this::matchAgain, query, orderBy, skip, limit, batchSize, fields);
    }

    private QueryResult matchAgain(Stream<Document> found, Document rest, Document orderBy, int skip, int limit,
                                   int batchSize, Document fields) {
        checkingAgain = true;
        try {
            return matchDocumentsFromStream(found, rest, orderBy, skip, limit, batchSize, fields);
        } finally {
            checkingAgain = false;
        }
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        if (!checkingAgain) {
            examined.add();
        }
        return super.documentMatchesQuery(document, query);
    }

    @Override
    public Examined examined() {
        return examined;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        return super.matchDocuments(IdFirstLookup.afterIndex(query), positions, orderBy, skip, limit, batchSize, fields);
    }
}
