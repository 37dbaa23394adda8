package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ChannelId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which weekly reviews were sent, one entry per channel and week, shared by every instance on the store: of two
 * dispatchers that ask for the same review at once, one gets it; a sent review is never claimed again.
 */
public interface ReviewLedger {

    /** A review one dispatcher may send now, {@code attempts} tried before. */
    record Claim(int attempts) { }

    /**
     * Claims the review {@code reviewId} until {@code now + lease}: when it is still to send and nobody holds it,
     * and, with {@code start} false, only when an earlier attempt already began it (a retry).
     */
    Optional<Claim> claim(String reviewId, ChannelId channel, boolean start, String owner, Instant now, Duration lease);

    void markSent(String reviewId, String owner, String messageTs);

    /** Lets it be claimed again from {@code retryAt}. */
    void retryAt(String reviewId, String owner, Instant retryAt, int attempts, String error);

    void markFailed(String reviewId, String owner, int attempts, String reason);
}
