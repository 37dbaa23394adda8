package dev.cxsentinel.application.model;

import java.time.Duration;

/**
 * How the dispatcher paces and retries: at most one message per {@code perChannelInterval} per channel (Slack
 * allows about one per second), a lease long enough for a slow send, exponential backoff from
 * {@code retryBase} up to {@code retryMax} with jitter. Transient failures are retried until they succeed.
 */
public record DeliverySettings(Duration perChannelInterval, Duration lease, Duration retryBase, Duration retryMax) {
    public static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofMinutes(5));
}
