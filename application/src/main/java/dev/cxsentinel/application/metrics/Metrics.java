package dev.cxsentinel.application.metrics;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the product keeps about itself (commands and their latency, imports and rows, notifications), read by
 * the operations endpoint. Plain JDK, so any ring can record into it.
 */
@Singleton
public class Metrics {
    /** Upper bounds of the latency histogram, in seconds. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final LongAdder imports = new LongAdder();
    private final LongAdder importRows = new LongAdder();
    private final LongAdder importsRejected = new LongAdder();
    private final LongAdder notificationsSent = new LongAdder();
    private final LongAdder notificationsFailed = new LongAdder();

    public Metrics() {
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    public void command(String name, long nanos) {
        commands.computeIfAbsent(name, k -> new LongAdder()).increment();
        latencyCount.increment();
        latencyNanos.addAndGet(nanos);
        double seconds = nanos / 1e9;
        for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
            if (seconds <= LATENCY_BUCKETS[i]) {
                latencyBuckets[i].increment();
            }
        }
    }

    public void imported(long rows, boolean applied) {
        imports.increment();
        importRows.add(rows);
        if (!applied) {
            importsRejected.increment();
        }
    }

    public void notificationSent() {
        notificationsSent.increment();
    }

    public void notificationFailed() {
        notificationsFailed.increment();
    }

    public Map<String, Long> commandCounts() {
        Map<String, Long> result = new TreeMap<>();
        commands.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }

    public long[] latencyBucketCounts() {
        long[] counts = new long[latencyBuckets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = latencyBuckets[i].sum();
        }
        return counts;
    }

    public long latencyCount() {
        return latencyCount.sum();
    }

    public double latencySeconds() {
        return latencyNanos.get() / 1e9;
    }

    public long imports() {
        return imports.sum();
    }

    public long importRows() {
        return importRows.sum();
    }

    public long importsRejected() {
        return importsRejected.sum();
    }

    public long notificationsSent() {
        return notificationsSent.sum();
    }

    public long notificationsFailed() {
        return notificationsFailed.sum();
    }
}
