package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.DeliverySettings;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The one retry pace for everything sent to Slack: exponential from the base to the cap, ±20 % jitter, never before Retry-After. */
final class Backoff {
    private Backoff() {
    }

    static Duration delay(DeliverySettings settings, int attempts, Duration retryAfter) {
        long base = settings.retryBase().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, settings.retryMax().toMillis());
        long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
