package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.byId;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.marker;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.withoutOutbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Loads and saves offers in the {@code offers} collection, by the deterministic {@code _id}, with the version in
 * the filter (of two concurrent writers exactly one wins). An offer and the notifications it owes are one
 * document, written at once (no transactions needed).
 *
 * <p>A small {@code outbox_due} collection marks the offers that still owe something, with the due time and the
 * dispatcher lease, so a dispatcher finds work without scanning every offer (the embedded server has no
 * secondary indexes; {@link MongoNotificationOutbox} reads it). The marker is written right after the offer;
 * should a crash fall in between, the offer still holds its notifications and {@link #repairOutboxIndex()} (run at
 * start-up after an unclean stop or an interrupted import) marks it again: nothing is lost. Before an existing
 * offer is written, its import fingerprint is voided ({@link MongoImportFingerprints}), so a re-import reads it.
 */
@Singleton
public class MongoOfferRepository implements LoadOffer, SaveOffer {
    private final MongoCollection<Document> offers;
    private final MongoCollection<Document> due;
    /** One offer's load and save, which a user may be waiting for: they fail in seconds on a database that does not answer. */
    private final MongoCollection<Document> offersNow;
    private final MongoCollection<Document> dueNow;
    private final MongoCollection<Document> prints;
    private final MongoCollection<Document> printsNow;
    private final MongoCollection<Document> reminders;
    private final MongoCollection<Document> remindersNow;
    private final DueQueue queue;

    @Inject
    public MongoOfferRepository(MongoStore store) {
        this.offers = store.database().getCollection(OfferDocuments.OFFERS);
        this.due = store.database().getCollection(OfferDocuments.DUE);
        this.offersNow = store.interactive().getCollection(OfferDocuments.OFFERS);
        this.dueNow = store.interactive().getCollection(OfferDocuments.DUE);
        this.prints = store.database().getCollection(MongoImportFingerprints.COLLECTION);
        this.printsNow = store.interactive().getCollection(MongoImportFingerprints.COLLECTION);
        this.reminders = store.database().getCollection(ReminderMarkers.COLLECTION);
        this.remindersNow = store.interactive().getCollection(ReminderMarkers.COLLECTION);
        this.queue = store.dueQueue();
    }

    @Override
    public Optional<Offer> load(OfferId id) {
        return Guard.call(() -> Optional.ofNullable(offersNow.find(eq("_id", id.value())).projection(withoutOutbox()).first())
                .map(OfferMapper::offer));
    }

    @Override
    public Map<OfferId, Offer> loadAll(Collection<OfferId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(OfferId::value).toList();
        return Guard.call(() -> {
            Map<OfferId, Offer> found = new HashMap<>();
            for (Document d : offers.find(in("_id", keys)).projection(withoutOutbox())) {
                Offer offer = OfferMapper.offer(d);
                found.put(offer.id(), offer);
            }
            return found;
        });
    }

    // ---- SaveOffer ----

    @Override
    public void save(OfferChange change) {
        Guard.run(() -> {
            if (change.isNew()) {
                try {
                    offersNow.insertOne(newDocument(change));
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        throw new ConcurrentUpdateException(change.offer().id());
                    }
                    throw e;
                }
            } else {
                MongoImportFingerprints.voidFor(printsNow, List.of(change));
                UpdateResult result = offersNow.updateOne(versionFilter(change), update(change, null));
                if (result.getMatchedCount() == 0) {
                    throw new ConcurrentUpdateException(change.offer().id());
                }
            }
            markDue(dueNow, List.of(change), queue);
            followReminders(remindersNow, List.of(change));
        });
    }

    @Override
    public Set<OfferId> saveAll(List<OfferChange> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        return Guard.call(() -> {
            String writeId = UUID.randomUUID().toString();
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (OfferChange c : changes) {
                writes.add(c.isNew() ? new InsertOneModel<>(newDocument(c).append("writeId", writeId))
                        : new UpdateOneModel<>(versionFilter(c), update(c, writeId)));
            }
            Set<OfferId> conflicts = new HashSet<>();
            long expectedUpdates = changes.stream().filter(c -> !c.isNew()).count();
            MongoImportFingerprints.voidFor(prints, changes);
            long matched;
            try {
                BulkWriteResult result = offers.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                matched = result.getMatchedCount();
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    conflicts.add(changes.get(error.getIndex()).offer().id());
                }
                matched = e.getWriteResult().getMatchedCount();
            }
            if (matched < expectedUpdates) {
                conflicts.addAll(lostUpdates(changes, writeId));
            }
            List<OfferChange> written = changes.stream().filter(c -> !conflicts.contains(c.offer().id())).toList();
            markDue(due, written, queue);
            followReminders(reminders, written);
            return conflicts;
        });
    }

    /** The updates of a bulk write that did not match: their document does not carry this write's id. */
    private Set<OfferId> lostUpdates(List<OfferChange> changes, String writeId) {
        List<String> ids = changes.stream().filter(c -> !c.isNew()).map(c -> c.offer().id().value()).toList();
        Set<String> written = new HashSet<>();
        for (Document d : offers.find(new Document("_id", new Document("$in", ids)).append("writeId", writeId)).projection(Projections.include("_id"))) {
            written.add(d.getString("_id"));
        }
        Set<OfferId> lost = new HashSet<>();
        for (String id : ids) {
            if (!written.contains(id)) {
                lost.add(OfferId.parse(id));
            }
        }
        return lost;
    }

    private static Bson versionFilter(OfferChange c) {
        return byId(c.offer().id().value()).append("version", c.expectedVersion());
    }

    private static Document newDocument(OfferChange c) {
        Document d = OfferMapper.fields(c.offer())
                .append("version", 1L)
                .append("outbox", c.owed().stream().map(OfferMapper::notification).toList())
                .append("threads", new Document());
        d.put("_id", c.offer().id().value());
        return d;
    }

    private static Document update(OfferChange c, String writeId) {
        Document set = OfferMapper.fields(c.offer());
        if (writeId != null) {
            set.append("writeId", writeId);
        }
        Document update = new Document("$set", set).append("$inc", new Document("version", 1L));
        if (!c.owed().isEmpty()) {
            update.append("$push", new Document("outbox",
                    new Document("$each", c.owed().stream().map(OfferMapper::notification).toList())));
        }
        return update;
    }

    /** Marks the offers that now owe notifications, and tells this process's dispatcher at once ({@link DueQueue}). */
    private static void markDue(MongoCollection<Document> due, List<OfferChange> changes, DueQueue queue) {
        List<WriteModel<Document>> markers = new ArrayList<>();
        List<DueQueue.Entry> hints = new ArrayList<>();
        for (OfferChange c : changes) {
            if (c.owed().isEmpty()) {
                continue;
            }
            Instant earliest = c.owed().stream().map(Notification::dueAt).min(Instant::compareTo).orElseThrow();
            long version = c.isNew() ? 1 : c.expectedVersion() + 1;
            List<String> channels = OfferDocuments.pendingChannels(c.owed());
            markers.add(new UpdateOneModel<>(eq("_id", c.offer().id().value()), marker(earliest, version, channels),
                    new UpdateOptions().upsert(true)));
            hints.add(new DueQueue.Entry(c.offer().id().value(), earliest, Set.copyOf(channels)));
        }
        if (!markers.isEmpty()) {
            due.bulkWrite(markers, new BulkWriteOptions().ordered(false));
            hints.forEach(h -> queue.hint(h.id(), h.at(), h.channels()));
        }
    }

    private static void followReminders(MongoCollection<Document> reminders, List<OfferChange> written) {
        OfferDocuments.writeVersioned(reminders, written.stream()
                .map(c -> ReminderMarkers.follow(c.offer(), c.isNew() ? 1 : c.expectedVersion() + 1)).toList());
    }

    /** Rewrites every reminder marker from the offers; run at start-up after an unclean stop (as the outbox repair is). */
    public int repairReminderMarkers() {
        return Guard.call(() -> ReminderMarkers.rebuild(offers, reminders));
    }

    /**
     * Builds the reminder markers once on a store written before they existed; true when it did so for offers already
     * stored (a new store only records that it needs none).
     */
    public boolean ensureReminderMarkers() {
        return Guard.call(() -> {
            if (reminders.find(eq("_id", ReminderMarkers.BUILT)).first() != null) {
                return false;
            }
            boolean holdsOffers = offers.find().projection(new Document("_id", 1)).first() != null;
            ReminderMarkers.rebuild(offers, reminders);
            reminders.replaceOne(eq("_id", ReminderMarkers.BUILT), new Document("_id", ReminderMarkers.BUILT),
                    new ReplaceOptions().upsert(true));
            return holdsOffers;
        });
    }

    /** Marks every offer that owes a pending notification; run at start-up to heal a crash between the two writes. */
    public int repairOutboxIndex() {
        return Guard.call(() -> {
            int repaired = 0;
            for (Document d : offers.find(eq("outbox.state", Notification.State.PENDING.name()))
                    .projection(Projections.include("outbox", "version"))) {
                List<Notification> owed = OfferMapper.notifications(d);
                Optional<Instant> earliest = OfferDocuments.earliestPending(owed);
                if (earliest.isPresent()) {
                    due.updateOne(eq("_id", d.getString("_id")), marker(earliest.get(), OfferMapper.number(d.get("version")),
                            OfferDocuments.pendingChannels(owed)), new UpdateOptions().upsert(true));
                    repaired++;
                }
            }
            return repaired;
        });
    }
}
