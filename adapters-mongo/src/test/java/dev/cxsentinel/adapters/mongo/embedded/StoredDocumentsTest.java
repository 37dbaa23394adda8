package dev.cxsentinel.adapters.mongo.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update, through the real driver, never changes a document the store holds: it stores a changed copy. A commit
 * running meanwhile (another collection's write, H2's own) writes every stored document whole.
 */
class StoredDocumentsTest {
    @TempDir
    Path dir;
    ServedStore served;
    MongoCollection<Document> offers;

    @BeforeEach
    void open() {
        served = new ServedStore(dir.resolve("store.mv.db"), Set.of("markers"), ServedStore.APP_CACHE_MB);
        offers = served.collection("offers");
        offers.insertOne(new Document("_id", "o-1").append("state", "OPEN").append("version", 1)
                .append("outbox", List.of(new Document("id", "a").append("state", "P"))));
    }

    @AfterEach
    void close() {
        served.close();
    }

    @Test
    void anUpdateStoresAChangedCopyAndLeavesTheDocumentItFoundAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored("o-1");

        offers.updateOne(eq("_id", "o-1"), Updates.combine(Updates.set("state", "CLOSED"), Updates.inc("version", 1)));

        assertEquals("OPEN", before.get("state"), "the document the store held is unchanged");
        assertEquals(1, before.get("version"));
        assertNotSame(before, stored("o-1"));
        assertEquals("CLOSED", stored("o-1").get("state"), "the store holds the change");
        assertEquals("CLOSED", offers.find(eq("_id", "o-1")).first().getString("state"));
    }

    @Test
    void soDoFindAndModifyAndPositionalUpdates() {
        de.bwaldvogel.mongo.bson.Document before = stored("o-1");
        Document after = offers.findOneAndUpdate(new Document("_id", "o-1").append("outbox.id", "a"),
                Updates.combine(Updates.set("outbox.$.state", "S"), Updates.inc("version", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

        assertEquals(2, after.getInteger("version"));
        assertEquals("S", after.getList("outbox", Document.class).get(0).getString("state"));
        assertEquals(1, before.get("version"), "the document the store held is unchanged");
        assertEquals("P", ((List<?>) before.get("outbox")).stream().map(d -> ((de.bwaldvogel.mongo.bson.Document) d).get("state"))
                .findFirst().orElseThrow());
        assertEquals(2, stored("o-1").get("version"));
    }

    private de.bwaldvogel.mongo.bson.Document stored(String id) {
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = served.store.openMap("databases.cx.offers");
        return data.get(id);
    }
}
