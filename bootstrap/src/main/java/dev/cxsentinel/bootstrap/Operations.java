package dev.cxsentinel.bootstrap;

import dev.cxsentinel.adapters.slack.HttpEndpoint;
import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.StoreHealth;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code GET /healthz} and {@code GET /metrics} (Prometheus text format). */
public final class Operations {
    private final StoreHealth store;
    private final Metrics metrics;
    private final NotificationOutbox outbox;
    private final DigestOutbox digests;
    private volatile Supplier<String> slackState = () -> "off";

    @Inject
    public Operations(StoreHealth store, Metrics metrics, NotificationOutbox outbox, DigestOutbox digests) {
        this.digests = digests;
        this.store = store;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    public void slackState(Supplier<String> state) {
        this.slackState = state;
    }

    /** 200 when the store works, 503 otherwise with what is wrong (a full disk, no answer); the body also says how Slack is connected. */
    public HttpEndpoint health() {
        Optional<String> problem = store.problem();
        boolean up = problem.isEmpty();
        String body = "{\"status\":\"" + (up ? "ok" : "unavailable") + "\",\"store\":\"" + (up ? "up" : "down") + "\""
                + problem.map(p -> ",\"problem\":\"" + json(p) + "\"").orElse("")
                + ",\"slack\":\"" + slackState.get() + "\"}";
        return new HttpEndpoint(up ? 200 : 503, "application/json", body);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }

    public HttpEndpoint metrics() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP cx_commands_total Slash commands handled, by subcommand.\n# TYPE cx_commands_total counter\n");
        metrics.commandCounts().forEach((name, count) -> b.append("cx_commands_total{command=\"").append(name).append("\"} ").append(count).append('\n'));
        b.append("# HELP cx_command_duration_seconds Time to answer a command.\n# TYPE cx_command_duration_seconds histogram\n");
        long[] buckets = metrics.latencyBucketCounts();
        for (int i = 0; i < buckets.length; i++) {
            b.append("cx_command_duration_seconds_bucket{le=\"").append(Metrics.LATENCY_BUCKETS[i]).append("\"} ").append(buckets[i]).append('\n');
        }
        b.append("cx_command_duration_seconds_bucket{le=\"+Inf\"} ").append(metrics.latencyCount()).append('\n');
        b.append("cx_command_duration_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", metrics.latencySeconds())).append('\n');
        b.append("cx_command_duration_seconds_count ").append(metrics.latencyCount()).append('\n');
        counter(b, "cx_imports_total", "Imports run (applied or rejected).", metrics.imports());
        counter(b, "cx_imports_rejected_total", "Imports rejected for invalid rows.", metrics.importsRejected());
        counter(b, "cx_import_rows_total", "Report rows read.", metrics.importRows());
        counter(b, "cx_notifications_sent_total", "Notifications delivered by this process.", metrics.notificationsSent());
        counter(b, "cx_notifications_failed_total", "Notifications that failed permanently in this process.", metrics.notificationsFailed());
        b.append("# HELP cx_notifications Notifications in the store, by state.\n# TYPE cx_notifications gauge\n");
        try {
            Map<Notification.State, Long> counts = new EnumMap<>(outbox.countByState());
            digests.countByState().forEach((state, n) -> counts.merge(state, n, Long::sum));
            b.append("cx_notifications{state=\"pending\"} ").append(counts.getOrDefault(Notification.State.PENDING, 0L)).append('\n');
            b.append("cx_notifications{state=\"failed\"} ").append(counts.getOrDefault(Notification.State.FAILED, 0L)).append('\n');
        } catch (RuntimeException e) {
            b.append("# store unavailable: ").append(e.getClass().getSimpleName()).append('\n');
        }
        b.append("# HELP cx_up 1 when the store answers.\n# TYPE cx_up gauge\ncx_up ").append(store.isReachable() ? 1 : 0).append('\n');
        return new HttpEndpoint(200, "text/plain; version=0.0.4; charset=utf-8", b.toString());
    }

    private static void counter(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
