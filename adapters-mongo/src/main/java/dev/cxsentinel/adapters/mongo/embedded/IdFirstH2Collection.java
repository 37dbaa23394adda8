package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/** An H2 collection that answers {@code _id}-plus-more filters from the {@code _id} index ({@link IdFirstLookup}). */
final class IdFirstH2Collection extends H2Collection implements Examined.Counting {
    private final Examined examined = new Examined();
    /** Set while documents already counted are checked against the rest of their filter (the collection is synchronized). */
    private boolean checkingAgain;

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
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

    /**
     * The library applies an update by changing the stored document in place and storing that same instance again;
     * a fresh copy is stored instead, so an instance, once encoded, never changes ({@link EncodedDocuments}).
     */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, new Document(newDocument));
    }

    @Override
    public Examined examined() {
        return examined;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        return super.matchDocuments(IdFirstLookup.afterIndex(query), positions, orderBy, skip, limit, batchSize, fields);
    }
}
