package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.Offer;
import java.time.Duration;

/** Sends messages to the team (Slack, or the console). */
public interface Notifier {

    /** How a send ended. */
    sealed interface Result {
        record Sent(String messageTs) implements Result { }

        /** Transient: rate limited ({@code retryAfter} from Slack) or a server/network error. */
        record RetryLater(Duration retryAfter, String reason, boolean rateLimited) implements Result { }

        /** Permanent (channel_not_found, not_in_channel, invalid_auth, …): retrying cannot help. */
        record Failed(String reason) implements Result { }
    }

    /**
     * Sends one notification. An ALERT posts a new card; a FOLLOW_UP posts into {@code threadTs} (or the channel
     * when there is none) and refreshes the card there to the offer's current state.
     */
    Result send(Notification notification, Offer offer, String threadTs);

    /** Sends a digest; {@link Result.Sent} carries the ts of the first message. */
    Result sendDigest(Digest digest);

    /** Sends a channel its weekly review; {@link Result.Sent} carries the ts of the message. */
    Result sendReview(WeeklyReview review);
}
