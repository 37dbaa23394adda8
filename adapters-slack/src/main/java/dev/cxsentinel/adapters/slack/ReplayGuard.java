package dev.cxsentinel.adapters.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Remembers the signatures of the signed requests of the last {@code window}: Slack never sends the same signed
 * request twice (its retries are signed anew), so a signature seen again is a replay and is refused. Older
 * requests fail the signature's own time check, so the memory stays bounded by the window.
 */
final class ReplayGuard {
    private final Duration window;
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant nextSweep = Instant.EPOCH;

    ReplayGuard(Duration window) {
        this.window = window.multipliedBy(2);
    }

    synchronized boolean firstUse(String signature, Instant now) {
        if (now.isAfter(nextSweep)) {
            for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(now)) {
                    it.remove();
                }
            }
            nextSweep = now.plusSeconds(10);
        }
        return seen.putIfAbsent(signature, now.plus(window)) == null;
    }
}
