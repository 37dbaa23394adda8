package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.NotificationId;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owed notifications, stored with their offers. A dispatcher claims one offer's due notifications with a
 * lease; while the lease holds, no other dispatcher can claim them. Every write after the claim names the owner.
 * A dispatcher whose lease expired can no longer reschedule or fail a notification (the new owner decides), but it
 * still records what it did send ({@link #markSent}, {@link #recordThread}): the message went out, and recording
 * it is what keeps the new owner from sending it a second time.
 */
public interface NotificationOutbox {

    /** An offer whose notifications one dispatcher holds until {@code leaseUntil}; {@code threads} maps channels to alert card ts. */
    record Claim(Offer offer, List<Notification> notifications, Map<ChannelId, String> threads, String owner, Instant leaseUntil) { }

    /**
     * Claims the offer with the earliest due notifications that owes at least one channel not in {@code paced}
     * (channels waiting for their pace: an offer owing only those is passed over without a write).
     */
    Optional<Claim> claimNext(String owner, Instant now, Duration lease, Set<ChannelId> paced);

    default Optional<Claim> claimNext(String owner, Instant now, Duration lease) {
        return claimNext(owner, now, lease, Set.of());
    }

    /** Extends the lease; false when it was lost (expired and claimed by another). */
    boolean extendLease(OfferId offer, String owner, Instant until);

    void markSent(OfferId offer, String owner, NotificationId id, String messageTs);

    void reschedule(OfferId offer, String owner, NotificationId id, Instant dueAt, int attempts, String error);

    void markFailed(OfferId offer, String owner, NotificationId id, int attempts, String reason);

    void recordThread(OfferId offer, String owner, ChannelId channel, String ts);

    /** Ends the lease and makes the offer claimable again at its next pending notification's due time. */
    void release(OfferId offer, String owner);

    /** Every notification still stored for the offer (pending, failed, and recently sent). */
    List<Notification> notificationsOf(OfferId offer);

    Map<ChannelId, String> threadsOf(OfferId offer);

    /** Counts by state, for metrics. */
    Map<Notification.State, Long> countByState();
}
