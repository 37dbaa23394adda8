package dev.cxsentinel.adapters.mongo;


import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.domain.OfferId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code import_fingerprints} collection: per offer, the fingerprint of the row an import last brought it in
 * line with ({@code h}) and the offer version that left it at ({@code v}). Small documents, read by {@code _id}: a
 * re-import of 100k unchanged rows reads these instead of 100k offers.
 *
 * <p>Kept honest by versions, as {@code outbox_due} is: every write of an existing offer first voids its
 * fingerprint at the version it is about to write ({@link #voidFor}, called by {@link MongoOfferRepository}), and
 * a void or a fingerprint only replaces one of the same or an older version. So a fingerprint an import records
 * late, after someone relisted the offer, loses to the relist's void; a crash between a void and the offer write
 * leaves a void (the offer is read next time), never a fingerprint that lies.
 */
@Singleton
public class MongoImportFingerprints implements ImportFingerprints {
    static final String COLLECTION = "import_fingerprints";
    private final MongoCollection<Document> prints;

    @Inject
    public MongoImportFingerprints(MongoStore store) {
        this.prints = store.database().getCollection(COLLECTION);
    }

    @Override
    public Map<OfferId, Long> recorded(Collection<OfferId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(OfferId::value).toList();
        return Guard.call(() -> {
            Map<OfferId, Long> found = new HashMap<>();
            for (Document d : prints.find(new Document("_id", new Document("$in", keys)).append("h", new Document("$ne", null)))) {
                found.put(OfferId.parse(d.getString("_id")), d.getLong("h"));
            }
            return found;
        });
    }

    @Override
    public void record(Map<OfferId, Fingerprint> fingerprints) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        fingerprints.forEach((id, f) -> writes.add(f.version() == 1 ? first(id.value(), f.hash())
                : versioned(id.value(), f.hash(), f.version())));
        Guard.run(() -> OfferDocuments.writeVersioned(prints, writes));
    }

    /**
     * Forgets every fingerprint: after an unclean stop of the embedded store, whose fingerprint writes are not
     * committed one by one, a void may have been lost; the next import then reads every offer once.
     */
    public void forgetAll() {
        Guard.run(prints::drop);
    }

    /** Voids the fingerprints of the existing offers among {@code changes} at the versions their writes will give. */
    static void voidFor(MongoCollection<Document> prints, List<OfferChange> changes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (OfferChange c : changes) {
            if (!c.isNew()) {
                writes.add(versioned(c.offer().id().value(), null, c.expectedVersion() + 1));
            }
        }
        OfferDocuments.writeVersioned(prints, writes);
    }

    /**
     * The fingerprint of an offer just created (version 1): a plain insert, several times cheaper than an upsert on
     * the embedded server. Nothing can be on record for it yet (voids are for version 2 and later); should a
     * concurrent import of the same new offer have recorded it first, the duplicate is dropped.
     */
    private static InsertOneModel<Document> first(String id, long hash) {
        return new InsertOneModel<>(new Document("_id", id).append("h", hash).append("v", 1L));
    }

    /** Sets {@code h} at version {@code v} unless a newer version is on record (then the upsert collides and is dropped). */
    private static UpdateOneModel<Document> versioned(String id, Long hash, long version) {
        return new UpdateOneModel<>(new Document("_id", id).append("v", new Document("$lte", version)),
                new Document("$set", new Document("h", hash).append("v", version)), new UpdateOptions().upsert(true));
    }

}
