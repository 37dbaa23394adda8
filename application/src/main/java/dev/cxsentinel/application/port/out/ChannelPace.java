package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ChannelId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack's pace per channel (about one message a second, and a 429's {@code Retry-After}), shared by every
 * instance that delivers to the same store, so several instances behave like one towards Slack.
 */
public interface ChannelPace {
    /**
     * Takes the channel's next slot if it is free at {@code now} (and holds it for {@code interval}); otherwise
     * says when it will be free. Atomic: of two instances asking at once, one gets the slot.
     */
    Optional<Instant> reserve(ChannelId channel, Instant now, Duration interval);

    /** Nobody posts into the channel before {@code until} (Slack answered 429 with Retry-After). */
    void holdUntil(ChannelId channel, Instant until);
}
