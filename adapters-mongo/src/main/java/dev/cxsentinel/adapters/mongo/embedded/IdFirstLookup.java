package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded server (mongo-java-server) uses its {@code _id} index only for a filter that has no other field:
 * {@code {_id: x, version: 3}} scans the whole collection. Every optimistic-concurrency write has such a filter, so
 * a relist cost grew with the number of offers. The embedded store's collections answer those filters by looking
 * the {@code _id} up first and matching the rest of the filter on that one document; what they return is the same.
 * A real MongoDB plans this itself, so nothing here is needed there.
 */
final class IdFirstLookup {
    private IdFirstLookup() {
    }

    /** The library's query over the index or a scan: {@code AbstractMongoCollection.queryDocuments}. */
    interface Query {
        QueryResult run(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields);
    }

    /** The library's filter, sort and page over given documents: {@code matchDocumentsFromStream}. */
    interface Match {
        QueryResult run(Stream<Document> candidates, Document query, Document orderBy, int skip, int limit, int batchSize,
                        Document fields);
    }

    /** What the collection answers for {@code query}, looking its {@code _id} part up first when that helps. */
    static QueryResult query(Query library, Match match, Document query, Document orderBy, int skip, int limit, int batchSize,
                             Document fields) {
        Document idPart = idPart(query);
        if (idPart == null) {
            return library.run(query, orderBy, skip, limit, batchSize, fields);
        }
        List<Document> candidates = library.run(idPart, null, 0, 0, 0, null).collectDocuments();
        Document rest = new Document(query);
        rest.remove("_id"); // the lookup found exactly the documents with those ids: checking them again cost a scan of the list each
        return match.run(candidates.stream(), rest, orderBy, skip, limit, batchSize, fields);
    }

    /** The {@code _id} part of {@code query} when the rest would force a scan, or null when there is nothing to gain. */
    static Document idPart(Document query) {
        if (query == null || query.size() < 2 || !query.containsKey("_id")) {
            return null;
        }
        Object id = query.get("_id");
        if (id instanceof Document expression && !isPlainIn(expression)) {
            return null;
        }
        return new Document("_id", id);
    }

    /**
     * What is left to check of {@code query} on the documents its {@code _id} index lookup found: nothing for
     * {@code {_id: {$in: [values]}}}, whose lookup finds exactly the matches. The library re-checks each found
     * document against the whole list and hashes the list for every document; for a batch of 1,000 ids that was a
     * quarter of the server's time reading offers back in a re-import.
     */
    static Document afterIndex(Document query) {
        if (query != null && query.size() == 1 && query.get("_id") instanceof Document expression && isPlainIn(expression)) {
            return new Document();
        }
        return query;
    }

    private static boolean isPlainIn(Document expression) {
        return expression.size() == 1 && expression.get("$in") instanceof List<?> values
                && values.stream().noneMatch(v -> v instanceof Document || v instanceof Map);
    }
}
