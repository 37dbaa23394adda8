package dev.cxsentinel.application.port.out;

import java.util.Optional;

/** Whether the store answers now, and if not, why (for {@code /healthz}). */
public interface StoreHealth {
    boolean isReachable();

    /** What keeps the store from working, in words for operators; empty when it works. */
    default Optional<String> problem() {
        return isReachable() ? Optional.empty() : Optional.of("the database does not answer");
    }
}
