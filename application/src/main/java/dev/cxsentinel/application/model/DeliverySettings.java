package dev.cxsentinel.application.model;

import java.time.Duration;

/**
 * How the dispatcher paces and retries: at most one message per {@code perChannelInterval} per channel (Slack
 * allows about one per second), a short lease renewed while a send is in flight (so a dead dispatcher's claims are
 * taken over within seconds), exponential backoff from
 * {@code retryBase} up to {@code retryMax} with jitter. Transient failures are retried until they succeed.
 */
public record DeliverySettings(Duration perChannelInterval, Duration lease, Duration retryBase, Duration retryMax) {
    public static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(15),
            Duration.ofSeconds(2), Duration.ofMinutes(5));
}
