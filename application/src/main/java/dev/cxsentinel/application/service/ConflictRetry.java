package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import java.util.function.IntFunction;

/**
 * The one policy for a write that lost an optimistic-concurrency race: reload, reapply the operation to what is
 * stored now, and write again, up to {@link #ATTEMPTS} times; then the conflict goes to the caller (a user is told
 * to try again, an import reports it). Nothing else is retried here: a bug or a refused value fails at once.
 */
final class ConflictRetry {
    static final int ATTEMPTS = 5;

    private ConflictRetry() {
    }

    /** Runs {@code attempt} with 1, 2, … until it does not conflict; it must read the stored offer afresh from attempt 2. */
    static <T> T run(IntFunction<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n);
            } catch (ConcurrentUpdateException conflict) {
                if (n == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
