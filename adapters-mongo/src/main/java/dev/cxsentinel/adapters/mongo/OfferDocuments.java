package dev.cxsentinel.adapters.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import dev.cxsentinel.application.model.Notification;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** What the offer classes share about the {@code offers} document and its {@code outbox_due} marker. */
final class OfferDocuments {
    static final String OFFERS = "offers";
    static final String DUE = "outbox_due";
    static final Date NEVER_LEASED = new Date(0);

    private OfferDocuments() {
    }

    /**
     * A filter with {@code _id} as a plain top-level field, to which callers append the rest: the embedded store
     * answers that from its {@code _id} index ({@link dev.cxsentinel.adapters.mongo.embedded.IdFirstLookup}), while an {@code $and} makes it scan.
     */
    static Document byId(String id) {
        return new Document("_id", id);
    }

    /** An offer without the notifications it owes: what loading and finding return. */
    static Bson withoutOutbox() {
        return Projections.exclude("outbox", "threads");
    }

    /**
     * The due marker's update: the earliest due time and the newest offer version win, the channels owed are added
     * (a dispatcher passes over a marker whose channels all wait for their pace); a new marker is unleased.
     */
    static Document marker(Instant dueAt, long version, Collection<String> channels) {
        return new Document("$min", new Document("dueAt", Date.from(dueAt)))
                .append("$max", new Document("offerVersion", version))
                .append("$addToSet", new Document("channels", new Document("$each", List.copyOf(channels))))
                .append("$setOnInsert", new Document("leaseUntil", NEVER_LEASED).append("leaseOwner", null));
    }

    /** When the earliest pending notification is due: the due time of the offer's outbox marker. */
    static Optional<Instant> earliestPending(Collection<Notification> notifications) {
        return notifications.stream().filter(n -> n.state() == Notification.State.PENDING)
                .map(Notification::dueAt).min(Instant::compareTo);
    }

    /** The channels that pending notifications are owed to, in a stable order. */
    static List<String> pendingChannels(Collection<Notification> notifications) {
        return notifications.stream().filter(n -> n.state() == Notification.State.PENDING)
                .map(n -> n.channel().value()).distinct().sorted().toList();
    }

    /**
     * Applies versioned side writes (markers, fingerprints) unordered. Each only replaces a document of the same or
     * an older version ({@code v: {$lte: …}} in its filter), so one that meets a newer document turns into an insert
     * of a taken {@code _id}: that collision means "someone newer was here" and is dropped; any other error is thrown.
     */
    static void writeVersioned(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
