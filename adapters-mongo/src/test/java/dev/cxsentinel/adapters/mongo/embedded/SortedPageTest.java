package dev.cxsentinel.adapters.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** Sorted pages read with {@link SortedPage} answer exactly what the plain library answers, ties included. */
class SortedPageTest {

    @Test
    void sortedPagesAreTheLibrarysAnswers() {
        MongoServer plain = new MongoServer(new MemoryBackend());
        MongoServer ours = new MongoServer(new IdFirstMemoryBackend());
        InetSocketAddress a = plain.bind();
        InetSocketAddress b = ours.bind();
        try (MongoClient x = MongoClients.create("mongodb://" + a.getHostString() + ":" + a.getPort());
             MongoClient y = MongoClients.create("mongodb://" + b.getHostString() + ":" + b.getPort())) {
            MongoCollection<Document> library = x.getDatabase("cx").getCollection("offers");
            MongoCollection<Document> patched = y.getDatabase("cx").getCollection("offers");
            Random random = new Random(7);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                docs.add(new Document("_id", "A:DE:SKU-" + i).append("account", "A" + random.nextInt(3))
                        .append("attention", random.nextInt(4) == 0 ? 9 : random.nextInt(4))
                        .append("sku", "SKU-" + random.nextInt(500)).append("marketplace", random.nextBoolean() ? "DE" : "FR"));
            }
            library.insertMany(docs);
            patched.insertMany(docs);
            List<Bson> filters = List.of(Filters.eq("account", "A1"), Filters.and(Filters.eq("account", "A2"), Filters.lt("attention", 9)),
                    Filters.eq("attention", 2), new Document());
            List<Bson> orders = List.of(Sorts.ascending("attention", "sku", "marketplace"), Sorts.descending("sku"), Sorts.ascending("attention"));
            int compared = 0;
            for (Bson filter : filters) {
                for (Bson order : orders) {
                    for (int skip : new int[] {0, 10, 990}) {
                        List<Document> expected = library.find(filter).sort(order).skip(skip).limit(10).into(new ArrayList<>());
                        List<Document> actual = patched.find(filter).sort(order).skip(skip).limit(10).into(new ArrayList<>());
                        assertEquals(expected, actual, filter + " " + order + " skip " + skip);
                        compared += expected.size();
                    }
                }
            }
            assertTrue(compared > 200, "the pages compared are not empty: " + compared);
        } finally {
            plain.shutdownNow();
            ours.shutdownNow();
        }
    }

    @Test
    void onlySortedPagesTakeThisPath() {
        assertTrue(SortedPage.applies(new de.bwaldvogel.mongo.bson.Document("sku", 1), 10), "ties in \"attention\" alone are many: compared above");
        assertFalse(SortedPage.applies(new de.bwaldvogel.mongo.bson.Document("sku", 1), 0), "no limit: every match is wanted anyway");
        assertFalse(SortedPage.applies(new de.bwaldvogel.mongo.bson.Document("$natural", 1), 10));
        assertFalse(SortedPage.applies(null, 10));
    }
}
