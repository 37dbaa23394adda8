package dev.cxsentinel.application.service;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Moves owed notifications from the store to the team. It claims one offer's due notifications at a time with a
 * lease (so several instances never send the same one), keeps each channel to about one message a second,
 * waits out a rate limit as long as Slack asks, retries transient failures with exponential backoff and jitter
 * until they succeed, and records a permanent failure with its reason without holding back the rest.
 *
 * <p>A crash between Slack's answer and the store's write may send one notification twice; nothing else does.
 */
@Singleton
public class NotificationDispatcher implements DeliverNotifications {
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
    /** The reason recorded on an alert retired because its channel was relinked or unlinked. */
    public static final String RELINKED = "channel_relinked: the channel is no longer linked to this seller account";

    private final NotificationOutbox outbox;
    private final DigestOutbox digests;
    private final Notifier notifier;
    private final Clock clock;
    private final DeliverySettings settings;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final Map<ChannelId, Instant> nextAllowed = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Metrics metrics;
    private final ChannelLinks links;
    private final ChannelPace channelPace;
    private final LeaseKeeper leases = new LeaseKeeper();
    /** A digest of several messages may wait out short rate limits between its parts: its lease covers that. */
    static final Duration DIGEST_LEASE = Duration.ofMinutes(5);

    @Inject
    public NotificationDispatcher(NotificationOutbox outbox, DigestOutbox digests, Notifier notifier, Clock clock, DeliverySettings settings,
                                  Metrics metrics, ChannelLinks links, ChannelPace channelPace) {
        this.digests = digests;
        this.metrics = metrics;
        this.links = links;
        this.channelPace = channelPace;
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int deliverDue() {
        synchronized (lock) {
            int count = 0;
            Optional<NotificationOutbox.Claim> claim;
            while ((claim = outbox.claimNext(owner, clock.now(), settings.lease(), paced(clock.now()))).isPresent()) {
                count += deliver(claim.get());
            }
            Optional<Digest> digest;
            while ((digest = digests.claimNextDigest(owner, clock.now(), DIGEST_LEASE)).isPresent()) {
                count += deliver(digest.get());
            }
            return count;
        }
    }

    private int deliver(NotificationOutbox.Claim claim) {
        int count = 0;
        Map<ChannelId, String> threads = new HashMap<>(claim.threads());
        Set<ChannelId> held = new HashSet<>();
        List<Notification> ordered = claim.notifications().stream()
                .sorted(Comparator.comparing(Notification::createdAt)).toList();
        try {
            for (Notification n : ordered) {
                Instant now = clock.now();
                if (n.state() != Notification.State.PENDING) {
                    continue;
                }
                if (held.contains(n.channel()) || !n.isDue(now)) {
                    held.add(n.channel()); // keep a channel's messages about one offer in order
                    continue;
                }
                if (!stillLinked(n.channel(), n.offerId().account())) {
                    outbox.markFailed(claim.offer().id(), owner, n.id(), n.attempts(), RELINKED);
                    LOG.warning(() -> "notification " + n.id() + " retired: " + n.channel() + " is no longer linked to " + n.offerId().account());
                    continue;
                }
                Optional<Instant> busy = slot(n.channel(), now);
                if (busy.isPresent()) {
                    outbox.reschedule(claim.offer().id(), owner, n.id(), busy.get(), n.attempts(), n.lastError());
                    held.add(n.channel());
                    continue;
                }
                if (!outbox.extendLease(claim.offer().id(), owner, now.plus(settings.lease()))) {
                    LOG.warning(() -> "lease on " + claim.offer().id() + " lost; another dispatcher continues");
                    return count;
                }
                Notifier.Result result = leases.whileRunning(settings.lease(),
                        () -> outbox.extendLease(claim.offer().id(), owner, clock.now().plus(settings.lease())),
                        () -> send(n, claim, threads.get(n.channel())));
                pace(n.channel(), clock.now(), result);
                if (result instanceof Notifier.Result.Sent s) {
                    outbox.markSent(claim.offer().id(), owner, n.id(), s.messageTs());
                    if (n.kind() == Notification.Kind.ALERT && s.messageTs() != null) {
                        outbox.recordThread(claim.offer().id(), owner, n.channel(), s.messageTs());
                        threads.put(n.channel(), s.messageTs());
                    }
                    metrics.notificationSent();
                    count++;
                } else if (result instanceof Notifier.Result.RetryLater r) {
                    Instant due = clock.now().plus(retryDelay(n.attempts() + 1, r.retryAfter()));
                    outbox.reschedule(claim.offer().id(), owner, n.id(), due, n.attempts() + 1, r.reason());
                    held.add(n.channel());
                    LOG.info(() -> "notification " + n.id() + " to " + n.channel() + " retried at " + due + ": " + r.reason());
                } else if (result instanceof Notifier.Result.Failed f) {
                    outbox.markFailed(claim.offer().id(), owner, n.id(), n.attempts() + 1, f.reason());
                    metrics.notificationFailed();
                    LOG.warning(() -> "notification " + n.id() + " about " + n.offerId() + " to " + n.channel()
                            + " failed permanently: " + f.reason());
                }
            }
        } finally {
            outbox.release(claim.offer().id(), owner);
        }
        return count;
    }

    private Notifier.Result send(Notification n, NotificationOutbox.Claim claim, String thread) {
        return UnexpectedFailure.guard("sending notification " + n.id(), n.attempts(), () -> notifier.send(n, claim.offer(), thread));
    }

    private int deliver(Digest digest) {
        Instant now = clock.now();
        if (!stillLinked(digest.channel(), digest.account())) {
            digests.completeDigest(digest.id(), owner, Notification.State.FAILED, now, digest.attempts(), RELINKED, List.of());
            return 0;
        }
        Optional<Instant> busy = slot(digest.channel(), now);
        if (busy.isPresent()) {
            digests.completeDigest(digest.id(), owner, Notification.State.PENDING, busy.get(),
                    digest.attempts(), digest.lastError(), List.of());
            return 0;
        }
        Notifier.Result result = UnexpectedFailure.guard("sending digest " + digest.id(), digest.attempts(), () -> notifier.sendDigest(digest));
        pace(digest.channel(), clock.now(), result);
        if (result instanceof Notifier.Result.Sent s) {
            holdAfterLastPart(digest.channel());
            digests.completeDigest(digest.id(), owner, Notification.State.SENT, now, digest.attempts() + 1, null, List.of(s.messageTs()));
            metrics.notificationSent();
            return 1;
        }
        if (result instanceof Notifier.Result.RetryLater r) {
            digests.completeDigest(digest.id(), owner, Notification.State.PENDING,
                    clock.now().plus(retryDelay(digest.attempts() + 1, r.retryAfter())), digest.attempts() + 1, r.reason(), List.of());
        } else if (result instanceof Notifier.Result.Failed f) {
            digests.completeDigest(digest.id(), owner, Notification.State.FAILED, now, digest.attempts() + 1, f.reason(), List.of());
            metrics.notificationFailed();
            LOG.warning(() -> "digest " + digest.id() + " to " + digest.channel() + " failed permanently: " + f.reason());
        }
        return 0;
    }

    /** An alert belongs to its account: a channel relinked to another account since it was owed never receives it. */
    private boolean stillLinked(ChannelId channel, SellerAccountId account) {
        if (channel.isDirectMessage() || channel.equals(ChannelId.CONSOLE)) {
            return true;
        }
        return links.find(channel).map(l -> l.account().equals(account)).orElse(false);
    }

    /**
     * The channel's next slot, shared with every instance on this store: empty when this dispatcher may post now,
     * otherwise when it may. (A local memory of the slots alone let N instances post N messages a second.)
     */
    private Optional<Instant> slot(ChannelId channel, Instant now) {
        Instant known = nextAllowed.getOrDefault(channel, Instant.EPOCH);
        if (known.isAfter(now)) {
            return Optional.of(known);
        }
        Optional<Instant> busy = channelPace.reserve(channel, now, settings.perChannelInterval());
        nextAllowed.put(channel, busy.orElse(now.plus(settings.perChannelInterval())));
        return busy;
    }

    /**
     * The channels this dispatcher knows to be waiting for their pace: offers owing only those are not claimed, so a
     * backlog waits without being read or rewritten (a backlog of 300 used to be rewritten every second, one of
     * 30,000 claimed and put back once each).
     */
    private Set<ChannelId> paced(Instant now) {
        Set<ChannelId> paced = new HashSet<>();
        nextAllowed.forEach((channel, until) -> {
            if (until.isAfter(now)) {
                paced.add(channel);
            }
        });
        return paced;
    }

    /**
     * A long digest goes out as several messages a second apart, so it ends seconds after its slot began: the
     * channel's next message waits its interval from the last part, not from the first (a card right behind a
     * five-part digest met Slack's limit, BENCHMARKS.md §4).
     */
    private void holdAfterLastPart(ChannelId channel) {
        Instant until = clock.now().plus(settings.perChannelInterval());
        nextAllowed.put(channel, until);
        channelPace.holdUntil(channel, until);
    }

    /** After a 429, nobody on this store posts into the channel before its Retry-After. */
    private void pace(ChannelId channel, Instant now, Notifier.Result result) {
        if (result instanceof Notifier.Result.RetryLater r && r.rateLimited() && r.retryAfter() != null) {
            Instant until = now.plus(r.retryAfter());
            nextAllowed.put(channel, until);
            channelPace.holdUntil(channel, until);
        }
    }

    Duration retryDelay(int attempts, Duration retryAfter) {
        return Backoff.delay(settings, attempts, retryAfter);
    }
}
