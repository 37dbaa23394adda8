package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.Notifier;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A send that threw instead of answering is a bug (a message we cannot render, say), not Slack being busy: it is
 * logged once with its stack, retried a couple of times in case it was a passing state, and then recorded as
 * failed with its reason, never retried forever.
 */
final class UnexpectedFailure {
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(UnexpectedFailure.class.getName());

    private UnexpectedFailure() {
    }

    /** Runs {@code send}; an exception becomes a retry, or a failure once this was the last of {@link #ATTEMPTS}. */
    static Notifier.Result guard(String what, int attemptsBefore, Supplier<Notifier.Result> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed unexpectedly (attempt " + (attemptsBefore + 1) + " of " + ATTEMPTS + ")", e);
            String reason = "unexpected error: " + e;
            return attemptsBefore + 1 >= ATTEMPTS ? new Notifier.Result.Failed(reason) : new Notifier.Result.RetryLater(Duration.ZERO, reason, false);
        }
    }
}
