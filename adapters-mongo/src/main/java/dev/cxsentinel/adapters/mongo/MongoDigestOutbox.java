package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.NEVER_LEASED;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.byId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.domain.OfferId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** The digests owed to channels, one document each in {@code digests}, claimed with a lease like notifications. */
@Singleton
public class MongoDigestOutbox implements DigestOutbox {
    private final MongoCollection<Document> digests;
    /** For {@code /cx status}: what a user waits for. */
    private final MongoCollection<Document> digestsNow;

    @Inject
    public MongoDigestOutbox(MongoStore store) {
        this.digests = store.database().getCollection("digests");
        this.digestsNow = store.interactive().getCollection("digests");
    }

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

    @Override
    public Map<Notification.State, Long> countByState() {
        return Guard.call(() -> {
            Map<Notification.State, Long> counts = new EnumMap<>(Notification.State.class);
            for (Notification.State s : Notification.State.values()) {
                counts.put(s, s == Notification.State.SENT ? 0L : digests.countDocuments(eq("state", s.name())));
            }
            return counts;
        });
    }

    @Override
    public void releaseHeld(String importId, Instant dueAt) {
        Guard.run(() -> digests.updateMany(and(eq("importId", importId), eq("state", Notification.State.HELD.name())),
                new Document("$set", new Document("state", Notification.State.PENDING.name()).append("dueAt", Date.from(dueAt)))));
    }

    @Override
    public List<Digest> failedMentioning(OfferId offer) {
        return Guard.call(() -> {
            List<Digest> failed = new ArrayList<>();
            digestsNow.find(and(eq("state", Notification.State.FAILED.name()), eq("lines.offerId", offer.value())))
                    .sort(Sorts.descending("createdAt")).limit(5).forEach(d -> failed.add(DigestMapper.toDigest(d)));
            return failed;
        });
    }
}
