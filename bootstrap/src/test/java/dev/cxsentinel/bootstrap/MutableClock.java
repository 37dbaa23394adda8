package dev.cxsentinel.bootstrap;

import dev.cxsentinel.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock a test moves by hand. */
final class MutableClock implements Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
