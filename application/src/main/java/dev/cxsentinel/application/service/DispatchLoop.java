package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.in.SendReminders;
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
 * second for work from other instances, retries and reminders. Started and stopped by the application lifecycle;
 * {@link #stop()} lets an in-flight send finish.
 */
@Singleton
public class DispatchLoop implements DispatchSignal {
    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration REMINDER_PERIOD = Duration.ofMinutes(1);

    private final DeliverNotifications deliver;
    private final SendReminders reminders;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    @Inject
    public DispatchLoop(DeliverNotifications deliver, SendReminders reminders) {
        this.deliver = deliver;
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
    }

    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long nextReminders = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextReminders >= 0) {
                    reminders.remindDue();
                    nextReminders = System.nanoTime() + REMINDER_PERIOD.toNanos();
                }
                deliver.deliverDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery round failed; retrying in a second: " + e.getMessage(), e);
            }
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
