package dev.cxsentinel.application.service;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.in.SendWeeklyReviews;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.application.port.out.ReviewLedger;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Sends each linked channel its weekly review at the scheduled slot. The ledger's entry per channel and week
 * makes it once per week across instances and restarts: the first dispatcher to claim it sends it; a transient
 * failure is retried (until the next week's slot), a permanent one recorded. A channel linked after the slot
 * waits for the next one.
 */
@Singleton
public class WeeklyReviewService implements SendWeeklyReviews {
    private static final Logger LOG = Logger.getLogger(WeeklyReviewService.class.getName());
    /** Long enough to read a large account and send: nobody else starts the same review meanwhile. */
    static final Duration LEASE = Duration.ofMinutes(15);

    private final ReviewSchedule schedule;
    private final ChannelLinks links;
    private final ReviewLedger ledger;
    private final FindOffers findOffers;
    private final LoadOffer loadOffer;
    private final Notifier notifier;
    private final ChannelPace pace;
    private final Clock clock;
    private final DeliverySettings delivery;
    private final Metrics metrics;
    private final String owner = "reviews-" + UUID.randomUUID();
    /** Reviews this instance could not claim, and when to ask again (a sent one's entry stays: asking each minute only costs reads). */
    private final Map<String, Instant> askAgainAt = new ConcurrentHashMap<>();

    @Inject
    public WeeklyReviewService(ReviewSchedule schedule, ChannelLinks links, ReviewLedger ledger, FindOffers findOffers,
                               LoadOffer loadOffer, Notifier notifier, ChannelPace pace, Clock clock, DeliverySettings delivery,
                               Metrics metrics) {
        this.loadOffer = loadOffer;
        this.schedule = schedule;
        this.links = links;
        this.ledger = ledger;
        this.findOffers = findOffers;
        this.notifier = notifier;
        this.pace = pace;
        this.clock = clock;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @Override
    public int sendDue() {
        if (!schedule.enabled()) {
            return 0;
        }
        Map<String, WeeklyReview> built = new HashMap<>();
        askAgainAt.values().removeIf(at -> at.isBefore(clock.now().minus(Duration.ofDays(8))));
        int sent = 0;
        for (ChannelLink link : links.findAll()) {
            ZoneId zone = schedule.zoneFor(link);
            Instant now = clock.now();
            ZonedDateTime slot = schedule.lastSlot(now, zone);
            if (slot.toInstant().isBefore(link.linkedAt())) {
                continue;
            }
            String id = reviewId(link, slot);
            if (now.isBefore(askAgainAt.getOrDefault(id, Instant.MIN))) {
                continue;
            }
            boolean start = schedule.startable(now, zone).isPresent();
            Optional<ReviewLedger.Claim> claim = ledger.claim(id, link.channel(), start, owner, now, LEASE);
            if (claim.isEmpty()) {
                askAgainAt.put(id, now.plus(LEASE)); // sent, or held by another instance: its lease ends by then at the latest
            } else {
                WeeklyReview review = built.computeIfAbsent(link.account().value() + "|" + slot.toLocalDate() + "|" + zone,
                        k -> build(link.account(), slot.toLocalDate(), zone, now));
                sent += send(review.forChannel(id, link.channel(), link.language()), claim.get()) ? 1 : 0;
            }
        }
        return sent;
    }

    /** One entry per channel and week: the channel and the slot's date. */
    static String reviewId(ChannelLink link, ZonedDateTime slot) {
        return link.channel().value() + ":" + slot.toLocalDate();
    }

    /** The review of the seven days before {@code slotDay}: the account's offers loaded by id in batches, one at a time tallied. */
    WeeklyReview build(SellerAccountId account, LocalDate slotDay, ZoneId zone, Instant now) {
        WeeklyReviewTally tally = new WeeklyReviewTally(account, slotDay.minusWeeks(1), slotDay, zone, now);
        for (List<OfferId> batch : ImportService.batches(findOffers.offerIdsOf(account))) {
            loadOffer.loadAll(batch).values().forEach(tally::add);
        }
        return tally.review("draft", ChannelId.CONSOLE, Language.EN); // each channel gets its copy with forChannel
    }

    private boolean send(WeeklyReview review, ReviewLedger.Claim claim) {
        Instant now = clock.now();
        Optional<Instant> busy = pace.reserve(review.channel(), now, delivery.perChannelInterval());
        if (busy.isPresent()) {
            ledger.retryAt(review.id(), owner, busy.get(), claim.attempts(), "waiting for the channel's pace");
            return false;
        }
        Notifier.Result result = UnexpectedFailure.guard("weekly review " + review.id(), claim.attempts(), () -> notifier.sendReview(review));
        int attempts = claim.attempts() + 1;
        if (result instanceof Notifier.Result.Sent s) {
            ledger.markSent(review.id(), owner, s.messageTs());
            metrics.notificationSent();
            return true;
        }
        if (result instanceof Notifier.Result.RetryLater r) {
            if (r.rateLimited()) {
                pace.holdUntil(review.channel(), clock.now().plus(r.retryAfter()));
            }
            ledger.retryAt(review.id(), owner, clock.now().plus(Backoff.delay(delivery, attempts, r.retryAfter())), attempts, r.reason());
        } else if (result instanceof Notifier.Result.Failed f) {
            ledger.markFailed(review.id(), owner, attempts, f.reason());
            metrics.notificationFailed();
            LOG.warning(() -> "weekly review " + review.id() + " failed permanently: " + f.reason());
        }
        return false;
    }
}
