package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that answers {@code _id}-plus-more filters from the {@code _id} index ({@link IdFirstLookup}).
 *
 * <p>With {@code scansUnlocked}, a query without {@code _id} reads without holding the collection: the library
 * holds it for every query, so the dispatcher's read of 30,000 outbox markers and the reminder sweep's read of its
 * markers (50–100 ms each) held up every relist's marker write meanwhile (BENCHMARKS.md §8). That is safe where every
 * write names its {@code _id}, as on the marker collections: a write changes a copy ({@link #getDocument}), never a
 * stored document, and H2 iterates a snapshot of its map, so a scan sees each document whole, as of when it began. Such a scan matches with its own matcher (the collection's keeps state for positional updates).
 */
final class IdFirstH2Collection extends H2Collection implements Examined.Counting {
    private final Examined examined = new Examined();
    /** Set while documents already counted are checked against the rest of their filter. */
    private final ThreadLocal<Boolean> checkingAgain = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<QueryMatcher> unlockedMatcher = new ThreadLocal<>();
    private final ThreadLocal<Boolean> updating = ThreadLocal.withInitial(() -> false);
    /** Asked each time: the backend opens its stored collections before its own fields are set. */
    private final BooleanSupplier scansUnlocked;

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors, BooleanSupplier scansUnlocked) {
        super(database, name, options, data, meta, cursors);
        this.scansUnlocked = scansUnlocked;
    }

    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        String wrapped = selector.containsKey("query") ? "query" : selector.containsKey("$query") ? "$query" : null;
        Document query = wrapped == null ? selector : (Document) selector.get(wrapped);
        if (!scansUnlocked.getAsBoolean() || query.containsKey("_id")) {
            return super.handleQuery(parameters); // synchronized
        }
        Document orderBy = wrapped == null ? null : (Document) selector.get(wrapped.equals("query") ? "orderby" : "$orderby");
        unlockedMatcher.set(new DefaultQueryMatcher());
        try {
            return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(), parameters.getBatchSize(),
                    parameters.getProjection());
        } finally {
            unlockedMatcher.remove();
        }
    }

    /**
     * Within an update, a copy. The library applies an update by changing the document it found in place and storing
     * that instance again. Changed in place, a stored document could be written to the file half-changed by a commit
     * running meanwhile for another collection's write or H2's own, and an unlocked scan could see it so; and its
     * remembered encoding would no longer be what it holds ({@link EncodedDocuments}). A stored document never changes.
     */
    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored != null && updating.get() ? new Document(stored) : stored;
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi, boolean upsert,
                                    Oplog oplog) {
        return whileUpdating(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public Document findAndModify(Document query) {
        return whileUpdating(() -> super.findAndModify(query));
    }

    private Document whileUpdating(Supplier<Document> update) {
        updating.set(true);
        try {
            return update.get();
        } finally {
            updating.set(false);
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        if (IdFirstLookup.idPart(query) == null && SortedPage.applies(orderBy, limit)) {
            Comparator<Document> order = deriveComparator(orderBy);
            List<Document> page = SortedPage.best(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument),
                    this::documentMatchesQuery, query, order, skip + limit);
            checkingAgain.set(true);
            try {
                return matchDocumentsFromStream(query, page.stream(), skip, limit, batchSize, order, fields);
            } finally {
                checkingAgain.set(false);
            }
        }
        return IdFirstLookup.query(super::queryDocuments, this::matchAgain, query, orderBy, skip, limit, batchSize, fields);
    }

    private QueryResult matchAgain(Stream<Document> found, Document rest, Document orderBy, int skip, int limit,
                                   int batchSize, Document fields) {
        checkingAgain.set(true);
        try {
            return matchDocumentsFromStream(found, rest, orderBy, skip, limit, batchSize, fields);
        } finally {
            checkingAgain.set(false);
        }
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        if (!checkingAgain.get()) {
            examined.add();
        }
        QueryMatcher own = unlockedMatcher.get();
        return own != null ? own.matches(document, query) : super.documentMatchesQuery(document, query);
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
