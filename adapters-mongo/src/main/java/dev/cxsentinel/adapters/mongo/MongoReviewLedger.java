package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.ReviewLedger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The weekly reviews in the {@code reviews} collection, one document per channel and week ({@code _id}
 * {@code channel:slot-date}). A claim is one conditional update by {@code _id} (still pending, lease free) or the
 * insert that starts the review; the unique {@code _id} makes exactly one of several instances win, and a sent
 * review's document stays, so it is never started again.
 */
@Singleton
public class MongoReviewLedger implements ReviewLedger {
    private final MongoCollection<Document> reviews;

    @Inject
    public MongoReviewLedger(MongoStore store) {
        this.reviews = store.database().getCollection("reviews");
    }

    @Override
    public Optional<Claim> claim(String reviewId, ChannelId channel, boolean start, String owner, Instant now, Duration lease) {
        Date until = Date.from(now.plus(lease));
        return Guard.call(() -> {
            Document taken = reviews.findOneAndUpdate(
                    and(eq("_id", reviewId), eq("state", Notification.State.PENDING.name()), lte("leaseUntil", Date.from(now))),
                    new Document("$set", new Document("leaseOwner", owner).append("leaseUntil", until)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (taken != null) {
                return Optional.of(new Claim(taken.getInteger("attempts", 0)));
            }
            if (!start) {
                return Optional.<Claim>empty();
            }
            try {
                reviews.insertOne(new Document("_id", reviewId).append("channel", channel.value())
                        .append("state", Notification.State.PENDING.name()).append("attempts", 0)
                        .append("createdAt", Date.from(now)).append("leaseOwner", owner).append("leaseUntil", until));
                return Optional.of(new Claim(0));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return Optional.<Claim>empty(); // started by another instance, or already sent
            }
        });
    }

    @Override
    public void markSent(String reviewId, String owner, String messageTs) {
        // Recorded even if the lease ran out meanwhile: the review did go out, and this keeps it from going out twice.
        complete(new Document("_id", reviewId), new Document("state", Notification.State.SENT.name()).append("ts", messageTs)
                .append("lastError", null));
    }

    @Override
    public void retryAt(String reviewId, String owner, Instant retryAt, int attempts, String error) {
        complete(new Document("_id", reviewId).append("leaseOwner", owner), new Document("leaseUntil", Date.from(retryAt))
                .append("attempts", attempts).append("lastError", error));
    }

    @Override
    public void markFailed(String reviewId, String owner, int attempts, String reason) {
        complete(new Document("_id", reviewId).append("leaseOwner", owner), new Document("state", Notification.State.FAILED.name())
                .append("attempts", attempts).append("lastError", reason));
    }

    private void complete(Document filter, Document set) {
        Guard.run(() -> reviews.updateOne(filter, new Document("$set", set.append("leaseOwner", null))));
    }
}
