package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.NEVER_LEASED;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.byId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.NotificationId;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.domain.OfferId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The notifications offers owe, kept inside their offer documents ({@link MongoOfferRepository} writes them with
 * the offer), found through the {@code outbox_due} markers, which also hold the dispatcher's lease.
 */
@Singleton
public class MongoNotificationOutbox implements NotificationOutbox {
    private static final Duration KEEP_SENT = Duration.ofDays(2);
    private static final Duration KEEP_FAILED = Duration.ofDays(30);

    private final MongoCollection<Document> offers;
    private final MongoCollection<Document> due;
    private final Clock clock;
    private final DueQueue queue;
    /** For {@code /cx status}: what a user waits for. */
    private final MongoCollection<Document> offersNow;

    @Inject
    public MongoNotificationOutbox(MongoStore store, Clock clock) {
        this.offers = store.database().getCollection(OfferDocuments.OFFERS);
        this.offersNow = store.interactive().getCollection(OfferDocuments.OFFERS);
        this.due = store.database().getCollection(OfferDocuments.DUE);
        this.clock = clock;
        this.queue = store.dueQueue();
    }

    @Override
    public Optional<Claim> claimNext(String owner, Instant now, Duration lease, Set<ChannelId> paced) {
        Set<String> waiting = paced.stream().map(ChannelId::value).collect(Collectors.toSet());
        return Guard.call(() -> {
            while (true) {
                Date until = Date.from(now.plus(lease));
                Document marker = claimMarker(owner, now, until, waiting);
                if (marker == null) {
                    return Optional.<Claim>empty();
                }
                Document offerDoc = offers.find(eq("_id", marker.getString("_id"))).first();
                if (offerDoc == null) {
                    due.deleteOne(byId(marker.getString("_id")).append("leaseOwner", owner));
                    continue;
                }
                return Optional.of(new Claim(OfferMapper.offer(offerDoc), OfferMapper.notifications(offerDoc),
                        OfferMapper.threads(offerDoc), owner, until.toInstant()));
            }
        });
    }

    /**
     * Claims the earliest due, unleased marker that owes a channel not waiting for its pace, taken from this process's
     * view of the markers ({@link DueQueue}) and claimed by id with the same conditions (another dispatcher may have
     * taken it, or its time moved, meanwhile).
     */
    private Document claimMarker(String owner, Instant now, Date until, Set<String> paced) {
        Document set = new Document("$set", new Document("leaseOwner", owner).append("leaseUntil", until));
        boolean read = false;
        while (true) {
            if (!read && queue.stale(now)) {
                readMarkers(now);
                read = true; // once per claim: markers whose claims all fail are not read again and again
            }
            String id = queue.take(now, paced);
            if (id == null) {
                return null;
            }
            Document marker = due.findOneAndUpdate(byId(id).append("dueAt", new Document("$lte", Date.from(now)))
                    .append("leaseUntil", new Document("$lte", Date.from(now))), set,
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (marker != null) {
                return marker;
            }
        }
    }

    /** One read of every marker, in due order, into the view: claimable from its due time or the end of its lease. */
    private void readMarkers(Instant now) {
        long started = System.nanoTime();
        List<DueQueue.Entry> entries = new ArrayList<>();
        due.find().projection(Projections.include("dueAt", "leaseUntil", "channels")).forEach(d -> entries.add(entry(d)));
        entries.sort(Comparator.comparing(DueQueue.Entry::at)); // by when each is claimable, which the store cannot sort by
        queue.replace(entries, now, Duration.ofNanos(System.nanoTime() - started));
    }

    private static DueQueue.Entry entry(Document marker) {
        Instant dueAt = marker.getDate("dueAt").toInstant();
        Date leased = marker.getDate("leaseUntil");
        Instant at = leased != null && leased.toInstant().isAfter(dueAt) ? leased.toInstant() : dueAt;
        List<String> channels = marker.getList("channels", String.class);
        return new DueQueue.Entry(marker.getString("_id"), at, channels == null ? DueQueue.ANY : Set.copyOf(channels));
    }

    @Override
    public boolean extendLease(OfferId offer, String owner, Instant until) {
        return Guard.call(() -> due.updateOne(byId(offer.value()).append("leaseOwner", owner),
                new Document("$set", new Document("leaseUntil", Date.from(until)))).getMatchedCount() == 1);
    }

    @Override
    public void markSent(OfferId offer, String owner, NotificationId id, String messageTs) {
        setNotification(offer, id, new Document("outbox.$.state", Notification.State.SENT.name())
                .append("outbox.$.ts", messageTs).append("outbox.$.lastError", null));
    }

    @Override
    public void reschedule(OfferId offer, String owner, NotificationId id, Instant dueAt, int attempts, String error) {
        if (holdsLease(offer, owner)) {
            setNotification(offer, id, new Document("outbox.$.dueAt", Date.from(dueAt))
                    .append("outbox.$.attempts", attempts).append("outbox.$.lastError", error));
        }
    }

    @Override
    public void markFailed(OfferId offer, String owner, NotificationId id, int attempts, String reason) {
        if (holdsLease(offer, owner)) {
            setNotification(offer, id, new Document("outbox.$.state", Notification.State.FAILED.name())
                    .append("outbox.$.attempts", attempts).append("outbox.$.lastError", reason));
        }
    }

    private boolean holdsLease(OfferId offer, String owner) {
        return Guard.call(() -> due.countDocuments(byId(offer.value()).append("leaseOwner", owner)) == 1);
    }

    private void setNotification(OfferId offer, NotificationId id, Document set) {
        Guard.run(() -> offers.updateOne(byId(offer.value()).append("outbox.id", id.value()), new Document("$set", set)));
    }

    @Override
    public void recordThread(OfferId offer, String owner, ChannelId channel, String ts) {
        Guard.run(() -> offers.updateOne(eq("_id", offer.value()), new Document("$set", new Document("threads." + channel.value(), ts))));
    }

    @Override
    public void release(OfferId offer, String owner) {
        Guard.run(() -> {
            for (int attempt = 0; attempt < 10; attempt++) {
                Document offerDoc = offers.find(eq("_id", offer.value())).projection(Projections.include("outbox", "version")).first();
                if (offerDoc == null) {
                    due.deleteOne(byId(offer.value()).append("leaseOwner", owner));
                    return;
                }
                long version = OfferMapper.number(offerDoc.get("version"));
                prune(offer, offerDoc);
                List<Notification> owed = OfferMapper.notifications(offerDoc);
                Optional<Instant> next = OfferDocuments.earliestPending(owed);
                List<String> channels = OfferDocuments.pendingChannels(owed);
                // only if no change with new notifications was written since we read the offer
                Bson mine = byId(offer.value()).append("leaseOwner", owner).append("offerVersion", new Document("$lte", version));
                long matched = next.isPresent()
                        ? due.updateOne(mine, new Document("$set", new Document("dueAt", Date.from(next.get()))
                                .append("channels", channels).append("leaseOwner", null).append("leaseUntil", NEVER_LEASED)))
                                .getMatchedCount()
                        : due.deleteOne(mine).getDeletedCount();
                if (matched == 1) {
                    queue.replaceOne(offer.value(), next.orElse(null), channels);
                    return;
                }
                if (due.countDocuments(byId(offer.value()).append("leaseOwner", owner)) == 0) {
                    return;
                }
            }
        });
    }

    /** Drops delivered notifications after a while (and failed ones after longer), so a document stays small. */
    private void prune(OfferId offer, Document offerDoc) {
        Instant now = clock.now();
        boolean stale = OfferMapper.notifications(offerDoc).stream().anyMatch(n ->
                (n.state() == Notification.State.SENT && n.createdAt().isBefore(now.minus(KEEP_SENT)))
                        || (n.state() == Notification.State.FAILED && n.createdAt().isBefore(now.minus(KEEP_FAILED))));
        if (stale) {
            offers.updateOne(eq("_id", offer.value()), new Document("$pull", new Document("outbox", new Document("$or", List.of(
                    new Document("state", "SENT").append("createdAt", new Document("$lt", Date.from(now.minus(KEEP_SENT)))),
                    new Document("state", "FAILED").append("createdAt", new Document("$lt", Date.from(now.minus(KEEP_FAILED)))))))));
        }
    }

    @Override
    public List<Notification> notificationsOf(OfferId offer) {
        return Guard.call(() -> {
            Document d = offersNow.find(eq("_id", offer.value())).projection(Projections.include("outbox")).first();
            return d == null ? List.<Notification>of() : OfferMapper.notifications(d);
        });
    }

    @Override
    public Map<ChannelId, String> threadsOf(OfferId offer) {
        return Guard.call(() -> {
            Document d = offers.find(eq("_id", offer.value())).projection(Projections.include("threads")).first();
            return d == null ? Map.<ChannelId, String>of() : OfferMapper.threads(d);
        });
    }

    @Override
    public Map<Notification.State, Long> countByState() {
        return Guard.call(() -> {
            Map<Notification.State, Long> counts = new EnumMap<>(Notification.State.class);
            for (Notification.State s : Notification.State.values()) {
                counts.put(s, 0L);
            }
            for (Document d : offers.find(in("outbox.state", List.of("PENDING", "FAILED"))).projection(Projections.include("outbox"))) {
                for (Notification n : OfferMapper.notifications(d)) {
                    counts.merge(n.state(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }
}
