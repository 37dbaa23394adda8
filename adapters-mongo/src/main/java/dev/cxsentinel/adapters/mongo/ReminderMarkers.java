package dev.cxsentinel.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code reminders_due} collection: one small marker per offer that awaits a reminder ({@code
 * Offer.awaitsReminder}: closed, noticed, nobody acted since), with what decides when the next one is due: when the
 * closure was noticed ({@code base}), how many were sent ({@code sent}) and a snooze. The once-a-minute sweep reads
 * these instead of every offer: on the embedded store, which has no secondary indexes, reading 30,000 closed offers
 * every minute held the collection for about two seconds and stalled commands behind it (BENCHMARKS.md §8).
 *
 * <p>Written right after the offer, with the offer's version: a marker only replaces or removes one of the same or
 * an older version, so of two racing writers the newer state wins. A crash between the two writes is healed at the
 * next start, as the outbox markers are ({@link #rebuild}).
 */
final class ReminderMarkers {
    static final String COLLECTION = "reminders_due";
    /** A document (no offer id looks like it) that says the markers were built for the offers stored before them. */
    static final String BUILT = "~built";

    private ReminderMarkers() {
    }

    /** One marker write for an offer just written at {@code version}: set while it awaits a reminder, else removed. */
    static WriteModel<Document> follow(Offer offer, long version) {
        Document filter = new Document("_id", offer.id().value()).append("v", new Document("$lte", version));
        if (!offer.awaitsReminder()) {
            return new DeleteOneModel<>(filter);
        }
        Document marker = new Document("base", Date.from(offer.closedNoticedAt()))
                .append("sent", offer.remindersSent())
                .append("snoozedUntil", offer.snoozedUntil() == null ? null : Date.from(offer.snoozedUntil()))
                .append("v", version);
        if (version == 1) { // a new offer has no marker yet: an insert is far cheaper than an upsert on the embedded server
            Document inserted = new Document("_id", offer.id().value());
            inserted.putAll(marker);
            return new InsertOneModel<>(inserted);
        }
        return new UpdateOneModel<>(filter, new Document("$set", marker), new UpdateOptions().upsert(true));
    }

    /** Markers whose next reminder is due at {@code now}: for each count sent, noticed at least that many intervals ago. */
    static Bson due(Instant now, Duration interval, int maxReminders) {
        List<Bson> byCount = new ArrayList<>();
        for (int sent = 0; sent < maxReminders; sent++) {
            byCount.add(new Document("sent", sent).append("base",
                    new Document("$lte", Date.from(now.minus(interval.multipliedBy(sent + 1L))))));
        }
        List<Bson> notSnoozed = List.of(new Document("snoozedUntil", null),
                new Document("snoozedUntil", new Document("$lte", Date.from(now))));
        return new Document("$and", List.of(new Document("$or", byCount), new Document("$or", notSnoozed)));
    }

    /**
     * Writes the marker of every closed offer from the offer itself: after an unclean stop (a crash may have fallen
     * between an offer and its marker) and once on a store that had none yet. Returns how many offers await one.
     */
    static int rebuild(MongoCollection<Document> offers, MongoCollection<Document> markers) {
        int awaiting = 0;
        List<WriteModel<Document>> writes = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        for (Document d : offers.find(new Document("status", OfferStatus.CLOSED.name())).projection(OfferDocuments.withoutOutbox())) {
            Offer offer = OfferMapper.offer(d);
            closed.add(offer.id().value());
            writes.add(follow(offer, offer.version()));
            awaiting += offer.awaitsReminder() ? 1 : 0;
            if (writes.size() == 1000) {
                OfferDocuments.writeVersioned(markers, writes);
                writes.clear();
            }
        }
        for (Document marker : markers.find().projection(new Document("_id", 1))) {
            if (!closed.contains(marker.getString("_id")) && !BUILT.equals(marker.getString("_id"))) { // the offer was reopened and the crash lost the removal
                writes.add(new DeleteOneModel<>(new Document("_id", marker.getString("_id"))));
            }
        }
        OfferDocuments.writeVersioned(markers, writes);
        return awaiting;
    }
}
