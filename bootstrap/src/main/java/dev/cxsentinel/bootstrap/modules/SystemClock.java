package dev.cxsentinel.bootstrap.modules;

import dev.cxsentinel.application.port.out.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The wall clock, to the millisecond: what the store keeps, so a stored time reads back equal. */
public final class SystemClock implements Clock {
    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
