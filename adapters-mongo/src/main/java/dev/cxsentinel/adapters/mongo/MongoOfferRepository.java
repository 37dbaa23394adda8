package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.NotificationId;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
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
 * Offers and the notifications they owe, in the {@code offers} collection; every hot-path read and write is by
 * the deterministic {@code _id}.
 *
 * <p>A small {@code outbox_due} collection marks the offers that still owe something, with the due time and the
 * dispatcher lease, so a dispatcher finds work without scanning every offer (the embedded server has no
 * secondary indexes). The marker is written right after the offer; should a crash fall in between, the offer
 * still holds its notifications and {@link #repairOutboxIndex()} (run at start-up after an unclean stop or an
 * interrupted import) marks it again: nothing is
 * lost. The notifications themselves are only ever written together with their offer.
 *
 * <p>Why one class for four ports: an offer and the notifications it owes are one document (one atomic write, no
 * transactions), so loading, saving, finding and the outbox share the document shape and the {@code outbox_due}
 * markers. Splitting it along the ports (issue 14) is still to do.
 */
@Singleton
public class MongoOfferRepository implements LoadOffer, SaveOffer, FindOffers, NotificationOutbox {
    private static final Date NEVER_LEASED = new Date(0);
    private static final Duration KEEP_SENT = Duration.ofDays(2);
    private static final Duration KEEP_FAILED = Duration.ofDays(30);

    private final MongoCollection<Document> offers;
    private final MongoCollection<Document> due;
    private final MongoCollection<Document> digests;

    private final dev.cxsentinel.application.port.out.Clock clock;

    /** On the system clock (tests and tools). */
    public MongoOfferRepository(MongoStore store) {
        this(store, Instant::now);
    }

    @Inject
    public MongoOfferRepository(MongoStore store, dev.cxsentinel.application.port.out.Clock clock) {
        this.clock = clock;
        this.offers = store.database().getCollection("offers");
        this.due = store.database().getCollection("outbox_due");
        this.digests = store.database().getCollection("digests");
    }

    // ---- LoadOffer ----

    @Override
    public Optional<Offer> load(OfferId id) {
        return Guard.call(() -> Optional.ofNullable(offers.find(eq("_id", id.value())).projection(withoutOutbox()).first())
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

    private static Bson withoutOutbox() {
        return Projections.exclude("outbox", "threads");
    }

    // ---- SaveOffer ----

    @Override
    public void save(OfferChange change) {
        Guard.run(() -> {
            if (change.isNew()) {
                try {
                    offers.insertOne(newDocument(change));
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        throw new ConcurrentUpdateException(change.offer().id());
                    }
                    throw e;
                }
            } else {
                UpdateResult result = offers.updateOne(versionFilter(change), update(change, null));
                if (result.getMatchedCount() == 0) {
                    throw new ConcurrentUpdateException(change.offer().id());
                }
            }
            markDue(List.of(change));
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
            markDue(changes.stream().filter(c -> !conflicts.contains(c.offer().id())).toList());
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

    /**
     * A filter with {@code _id} as a plain top-level field, to which callers append the rest: the embedded store
     * answers that from its {@code _id} index ({@link IdFirstLookup}), while an {@code $and} makes it scan.
     */
    static Document byId(String id) {
        return new Document("_id", id);
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

    private void markDue(List<OfferChange> changes) {
        List<WriteModel<Document>> markers = new ArrayList<>();
        for (OfferChange c : changes) {
            if (c.owed().isEmpty()) {
                continue;
            }
            Instant earliest = c.owed().stream().map(Notification::dueAt).min(Instant::compareTo).orElseThrow();
            long version = c.isNew() ? 1 : c.expectedVersion() + 1;
            markers.add(new UpdateOneModel<>(eq("_id", c.offer().id().value()), marker(earliest, version), new UpdateOptions().upsert(true)));
        }
        if (!markers.isEmpty()) {
            due.bulkWrite(markers, new BulkWriteOptions().ordered(false));
        }
    }

    private static Document marker(Instant dueAt, long version) {
        return new Document("$min", new Document("dueAt", Date.from(dueAt)))
                .append("$max", new Document("offerVersion", version))
                .append("$setOnInsert", new Document("leaseUntil", NEVER_LEASED).append("leaseOwner", null));
    }

    /** Marks every offer that owes a pending notification; run at start-up to heal a crash between the two writes. */
    public int repairOutboxIndex() {
        return Guard.call(() -> {
            int repaired = 0;
            for (Document d : offers.find(eq("outbox.state", Notification.State.PENDING.name()))
                    .projection(Projections.include("outbox", "version"))) {
                Optional<Instant> earliest = OfferMapper.notifications(d).stream()
                        .filter(n -> n.state() == Notification.State.PENDING)
                        .map(Notification::dueAt).min(Instant::compareTo);
                if (earliest.isPresent()) {
                    due.updateOne(eq("_id", d.getString("_id")), marker(earliest.get(), OfferMapper.number(d.get("version"))),
                            new UpdateOptions().upsert(true));
                    repaired++;
                }
            }
            return repaired;
        });
    }

    // ---- FindOffers ----

    @Override
    public List<Offer> findByAsin(SellerAccountId account, Asin asin) {
        return Guard.call(() -> list(offers.find(and(eq("account", account.value()), eq("asin", asin.value())))
                .projection(withoutOutbox()).sort(Sorts.ascending("_id")).limit(100)));
    }

    /** By {@code _id}: an offer's id is account:marketplace:sku, so the candidates are one per marketplace. */
    @Override
    public List<Offer> findBySku(SellerAccountId account, Sku sku) {
        List<String> ids = new ArrayList<>();
        for (Marketplace m : Marketplace.values()) {
            ids.add(new OfferId(account, m, sku).value());
        }
        return Guard.call(() -> list(offers.find(in("_id", ids)).projection(withoutOutbox()).sort(Sorts.ascending("_id"))));
    }

    @Override
    public Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size) {
        Bson query = and(eq("account", account.value()), attentionFilter(filter));
        return Guard.call(() -> {
            long total = offers.countDocuments(query);
            List<Offer> items = list(offers.find(query).projection(withoutOutbox())
                    .sort(Sorts.ascending("attention", "sku", "marketplace"))
                    .skip((page - 1) * size).limit(size));
            return new Page<>(items, page, size, total);
        });
    }

    private static Bson attentionFilter(AttentionFilter filter) {
        return switch (filter) {
            case ALL -> lt("attention", OfferMapper.NO_ATTENTION);
            case CLOSED -> eq("status", OfferStatus.CLOSED.name());
            case PENDING -> eq("status", OfferStatus.RELIST_PENDING.name());
            case VERY_POOR -> eq("health", CxHealth.VERY_POOR.name());
            case POOR -> eq("health", CxHealth.POOR.name());
        };
    }

    @Override
    public List<Offer> findClosed(String afterId, int size) {
        Bson query = afterId == null ? eq("status", OfferStatus.CLOSED.name())
                : and(eq("status", OfferStatus.CLOSED.name()), gt("_id", afterId));
        return Guard.call(() -> list(offers.find(query).projection(withoutOutbox()).sort(Sorts.ascending("_id")).limit(size)));
    }

    private static List<Offer> list(Iterable<Document> documents) {
        List<Offer> result = new ArrayList<>();
        documents.forEach(d -> result.add(OfferMapper.offer(d)));
        return result;
    }

    // ---- NotificationOutbox ----

    @Override
    public Optional<Claim> claimNext(String owner, Instant now, Duration lease) {
        return Guard.call(() -> {
            while (true) {
                Date until = Date.from(now.plus(lease));
                Document marker = due.findOneAndUpdate(
                        and(lte("dueAt", Date.from(now)), lte("leaseUntil", Date.from(now))),
                        new Document("$set", new Document("leaseOwner", owner).append("leaseUntil", until)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
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
                Optional<Instant> next = OfferMapper.notifications(offerDoc).stream()
                        .filter(n -> n.state() == Notification.State.PENDING)
                        .map(Notification::dueAt).min(Instant::compareTo);
                // only if no change with new notifications was written since we read the offer
                Bson mine = byId(offer.value()).append("leaseOwner", owner).append("offerVersion", new Document("$lte", version));
                long matched = next.isPresent()
                        ? due.updateOne(mine, new Document("$set", new Document("dueAt", Date.from(next.get()))
                                .append("leaseOwner", null).append("leaseUntil", NEVER_LEASED))).getMatchedCount()
                        : due.deleteOne(mine).getDeletedCount();
                if (matched == 1 || due.countDocuments(byId(offer.value()).append("leaseOwner", owner)) == 0) {
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
            Document d = offers.find(eq("_id", offer.value())).projection(Projections.include("outbox")).first();
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
            // Digests count too: a digest Slack refused for good must show in the failed gauge.
            counts.merge(Notification.State.PENDING, digests.countDocuments(eq("state", Notification.State.PENDING.name())), Long::sum);
            counts.merge(Notification.State.FAILED, digests.countDocuments(eq("state", Notification.State.FAILED.name())), Long::sum);
            return counts;
        });
    }

    // ---- digests ----

    @Override
    public void saveDigest(Digest digest) {
        Guard.run(() -> digests.replaceOne(eq("_id", digest.id()), DigestMapper.toDocument(digest),
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public Optional<Digest> claimNextDigest(String owner, Instant now, Duration lease) {
        return Guard.call(() -> Optional.ofNullable(digests.findOneAndUpdate(
                and(eq("state", Notification.State.PENDING.name()), lte("dueAt", Date.from(now)), lte("leaseUntil", Date.from(now))),
                new Document("$set", new Document("leaseOwner", owner).append("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)))
                .map(DigestMapper::toDigest));
    }

    @Override
    public void completeDigest(String digestId, String owner, Notification.State state, Instant dueAt, int attempts,
                               String error, List<String> messageTs) {
        Guard.run(() -> digests.updateOne(byId(digestId).append("leaseOwner", owner), new Document("$set",
                new Document("state", state.name()).append("dueAt", Date.from(dueAt)).append("attempts", attempts)
                        .append("lastError", error).append("ts", messageTs)
                        .append("leaseOwner", null).append("leaseUntil", NEVER_LEASED))));
    }
}
