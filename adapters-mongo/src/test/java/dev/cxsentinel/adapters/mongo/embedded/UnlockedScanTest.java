package dev.cxsentinel.adapters.mongo.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of a collection written only by {@code _id} (the store's markers) do not hold it; through the real driver. */
class UnlockedScanTest {
    static final int MARKERS = 60_000;

    @TempDir
    Path dir;
    ServedStore served;
    MongoCollection<Document> markers;
    MongoCollection<Document> offers;

    @BeforeEach
    void open() {
        served = new ServedStore(dir.resolve("store.mv.db"), Set.of("markers"), ServedStore.APP_CACHE_MB);
        markers = served.collection("markers");
        offers = served.collection("offers");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < MARKERS; i++) {
            docs.add(new Document("_id", String.format("m-%06d", i)).append("dueAt", new Date(i)).append("n", 0));
        }
        markers.insertMany(docs);
        offers.insertOne(new Document("_id", "o-1").append("outbox", List.of(new Document("id", "a").append("state", "P"))));
    }

    @AfterEach
    void close() {
        served.close();
    }

    /**
     * Writes by {@code _id} finish while a scan of every marker runs, and the scan sees each document whole as of its
     * start: every marker it returns has its due time, none is half-changed.
     */
    @Test
    void writesByIdDoNotWaitForAScanAndTheScanSeesWholeDocuments() throws Exception {
        Examined examined = examinedOf("markers");
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = examined.count();
            int round = attempt;
            Set<String> targets = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                targets.add(String.format("m-%06d", i * 997 + round));
            }
            AtomicInteger changedSeen = new AtomicInteger();
            CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(() -> {
                AtomicInteger whole = new AtomicInteger();
                markers.find(new Document("dueAt", new Document("$gte", new Date(0)))).forEach(d -> {
                    assertNotNull(d.getDate("dueAt"), d.toJson());
                    if (targets.contains(d.getString("_id")) && d.getInteger("n") != 0) {
                        changedSeen.incrementAndGet();
                    }
                    whole.incrementAndGet();
                });
                return whole.get();
            });
            while (examined.count() == before && !scan.isDone()) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 20; i++) {
                markers.updateOne(eq("_id", String.format("m-%06d", i * 997 + attempt)), Updates.combine(Updates.inc("n", 1),
                        Updates.set("dueAt", new Date(MARKERS + i))));
                markers.deleteOne(eq("_id", String.format("m-%06d", 50_000 + 20 * attempt + i)));
            }
            boolean writesFinishedFirst = examined.count() - before < MARKERS;
            assertEquals(MARKERS - 20 * attempt, (int) scan.get(30, TimeUnit.SECONDS), "the scan sees the collection as it was when it began");
            assertEquals(20L * (attempt + 1), markers.countDocuments(new Document("n", 1)), "every write applied");
            assertEquals(0, changedSeen.get(), "a document changed during the scan is seen as it was (the write changed a copy)");
            if (writesFinishedFirst) {
                return;
            }
        }
        throw new AssertionError("the writes never finished while the scan was still reading (three attempts)");
    }

    /** A collection written by other filters (the offers, with positional updates) keeps the library's locking. */
    @Test
    void positionalUpdatesOnOtherCollectionsWorkAsBefore() {
        offers.updateOne(new Document("_id", "o-1").append("outbox.id", "a"), Updates.set("outbox.$.state", "S"));
        assertEquals("S", offers.find(new Document("outbox.state", "S")).first().getList("outbox", Document.class).get(0).getString("state"));
        assertTrue(markers.find(eq("_id", "m-000001")).first() != null);
    }

    private Examined examinedOf(String collection) {
        return ((Examined.Counting) served.backend.resolveDatabase("cx").resolveCollection(collection, false)).examined();
    }
}
