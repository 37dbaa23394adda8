package dev.cxsentinel.application.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews a claim's lease while a send is in flight (every third of the lease). The lease can then be short, so the
 * claims of a dispatcher that died are taken over within seconds, while a slow send (Slack may take 2 × 20 s for a
 * follow-up) does not lose its lease and get sent a second time by another dispatcher.
 */
final class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());
    private ScheduledExecutorService timer;

    <T> T whileRunning(Duration lease, Runnable renew, Supplier<T> work) {
        long every = Math.max(50, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = timer().scheduleAtFixedRate(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "lease not renewed: " + e.getMessage(), e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            renewal.cancel(false);
        }
    }

    /** Created on first use: a service's constructor starts no thread. */
    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cx-lease-renewal");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }
}
