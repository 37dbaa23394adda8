package dev.cxsentinel.adapters.mongo.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the real driver into the embedded server on a file, as the app uses it. */
class EncodedDocumentsTest {
    static final int DOCUMENTS = 2000;

    /**
     * A page H2 drops from its cache and reads back holds new document instances, rightly encoded again when next
     * written; which pages the cache keeps depends on the garbage collector (CI once counted 1007 encodings for 110
     * changes). A cache far larger than what this test writes keeps every page, so the count is the same every run.
     */
    static final int CACHE_FOR_EVERY_PAGE_MB = 256;

    @TempDir
    Path dir;

    @Test
    void aCommittedWriteEncodesTheDocumentItChangedNotTheWholePageAndTheFileHoldsEveryChange() {
        Path file = dir.resolve("store.mv.db");
        try (ServedStore served = new ServedStore(file, Set.of(), CACHE_FOR_EVERY_PAGE_MB)) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                docs.add(new Document("_id", String.format("offer-%05d", i)).append("n", 0).append("text", "x".repeat(400)));
            }
            served.collection("offers").insertMany(docs);
            served.store.commit(); // the inserts' pages are written now, not by the background writer while we count

            long before = BsonDocumentType.ENCODINGS.sum();
            for (int i = 0; i < 100; i++) {
                served.collection("offers").updateOne(eq("_id", String.format("offer-%05d", i * 17 % DOCUMENTS)), Updates.set("n", i + 1));
            }
            for (int i = 0; i < 10; i++) {
                served.collection("offers").updateOne(eq("_id", "offer-00001"), Updates.inc("n", 1)); // the same one, changed again and again
            }
            served.store.commit(); // and the updates' pages have been, before we count
            long encoded = BsonDocumentType.ENCODINGS.sum() - before;
            assertTrue(encoded >= 100, "the updates were written: " + encoded);
            assertTrue(encoded <= 110 + 10, "one encoding per changed document, not one per document of each page written: " + encoded);
        }
        try (ServedStore reopened = new ServedStore(file, Set.of(), CACHE_FOR_EVERY_PAGE_MB)) {
            for (int i = 0; i < 100; i++) {
                Document d = reopened.collection("offers").find(eq("_id", String.format("offer-%05d", i * 17 % DOCUMENTS))).first();
                assertEquals(i + 1, d.getInteger("n"), "what was committed is what the file holds: " + d.get("_id"));
            }
            assertEquals(10, reopened.collection("offers").find(eq("_id", "offer-00001")).first().getInteger("n"));
            assertEquals(0, reopened.collection("offers").find(eq("_id", "offer-00002")).first().getInteger("n"));
        }
    }
}
