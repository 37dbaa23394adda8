package dev.cxsentinel.application.port.out;

import java.time.Instant;

/** The time, as a port so that use cases and tests agree on it. */
public interface Clock {
    Instant now();
}
