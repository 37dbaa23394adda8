package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.in.RecoverInterruptedImports;
import dev.cxsentinel.application.port.in.SendReminders;
import dev.cxsentinel.application.port.in.SendWeeklyReviews;
import dev.cxsentinel.application.port.out.DispatchSignal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dispatcher's thread: delivers as soon as something is owed in this process (signalled), and polls once a
 * second for work from other instances and retries, and once a minute for reminders and imports that died; weekly
 * reviews have their own thread. Started and stopped by the application lifecycle;
 * {@link #stop()} lets an in-flight send finish.
 */
@Singleton
public class DispatchLoop implements DispatchSignal {
    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration REMINDER_PERIOD = Duration.ofMinutes(1);

    private final DeliverNotifications deliver;
    private final SendReminders reminders;
    private final SendWeeklyReviews reviews;
    private final RecoverInterruptedImports imports;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Thread weekly;
    private final Semaphore stopWeekly = new Semaphore(0);

    @Inject
    public DispatchLoop(DeliverNotifications deliver, SendReminders reminders, SendWeeklyReviews reviews, RecoverInterruptedImports imports) {
        this.imports = imports;
        this.deliver = deliver;
        this.reviews = reviews;
        this.reminders = reminders;
    }

    @Override
    public void notificationsOwed() {
        wake.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "cx-dispatcher");
        thread.setDaemon(true);
        thread.start();
        weekly = new Thread(this::runWeekly, "cx-weekly-reviews");
        weekly.setDaemon(true);
        weekly.start();
    }

    public synchronized void stop() {
        running = false;
        wake.release();
        stopWeekly.release();
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(15).toMillis());
            }
            if (weekly != null) {
                weekly.join(Duration.ofSeconds(15).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long nextReminders = System.nanoTime();
        while (running) {
            if (System.nanoTime() - nextReminders >= 0) {
                quietly("reminders", reminders::remindDue);
                quietly("interrupted imports", imports::recoverInterrupted);
                nextReminders = System.nanoTime() + REMINDER_PERIOD.toNanos();
            }
            quietly("delivery round", deliver::deliverDue);
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Weekly reviews on a thread of their own: building one reads every offer of an account (seconds at 100,000
     * offers), and alerts must not wait behind it.
     */
    private void runWeekly() {
        while (running) {
            quietly("weekly reviews", reviews::sendDue);
            try {
                if (stopWeekly.tryAcquire(REMINDER_PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One failing part (a store hiccup, a bug) is logged and retried next round; the others still run. */
    private static void quietly(String what, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed; retrying next round: " + e.getMessage(), e);
        }
    }
}
