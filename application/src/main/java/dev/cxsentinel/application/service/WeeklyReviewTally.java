package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.ActionType;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.HealthPoint;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one account's offers into a {@link WeeklyReview}, one offer at a time, so an account of a million offers
 * is read in pages and never held at once.
 *
 * <ul>
 *   <li><b>Closed</b>: a snapshot dated in the week shows it closed, and the one before did not (or there was none).</li>
 *   <li><b>At risk</b>: active now, at Poor or Very poor.</li>
 *   <li><b>Recovered</b>: closed or at risk before the week, active and above Poor at its end, by a snapshot in the week.</li>
 *   <li><b>Relisted</b>: the team relisted it in the week.</li>
 *   <li><b>Action open</b>: closed now, and nobody relisted, disputed, recorded a remedy or snoozed it since.</li>
 *   <li><b>Top reasons</b>: offers in trouble now (closed or at risk), by the category of their top NCX reason.</li>
 * </ul>
 */
final class WeeklyReviewTally {
    static final int WEEKS = 8;
    private static final int TOP_REASONS = 5;

    private final SellerAccountId account;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant fromInstant;
    private final Instant toInstant;
    private final Instant now;
    private final Part closed = new Part();
    private final Part atRisk = new Part();
    private final Part recovered = new Part();
    private final Part relisted = new Part();
    private final Part awaitingAction = new Part();
    private final Map<CommentCategory, Integer> reasons = new EnumMap<>(CommentCategory.class);
    private final List<Map<CxHealth, Integer>> levels = new ArrayList<>();
    private final int[] closedByWeek = new int[WEEKS];

    /** The week {@code from} to {@code to} (exclusive), days in {@code zone}. */
    WeeklyReviewTally(SellerAccountId account, LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        this.account = account;
        this.from = from;
        this.to = to;
        this.fromInstant = from.atStartOfDay(zone).toInstant();
        this.toInstant = to.atStartOfDay(zone).toInstant();
        this.now = now;
        for (int i = 0; i < WEEKS; i++) {
            levels.add(new EnumMap<>(CxHealth.class));
        }
    }

    void add(Offer offer) {
        if (closedInWeek(offer)) {
            closed.add(offer.id());
        }
        if (offer.status() == OfferStatus.ACTIVE && offer.health().isAtRisk()) {
            atRisk.add(offer.id());
        }
        if (recoveredInWeek(offer)) {
            recovered.add(offer.id());
        }
        if (relistedInWeek(offer)) {
            relisted.add(offer.id());
        }
        if (offer.awaitsAction(now)) {
            awaitingAction.add(offer.id());
        }
        if ((offer.status() != OfferStatus.ACTIVE || offer.health().isAtRisk()) && offer.topReason() != null) {
            reasons.merge(offer.topReason().category(), 1, Integer::sum);
        }
        countLevels(offer);
    }

    private boolean closedInWeek(Offer offer) {
        List<HealthPoint> trend = offer.trend();
        for (int i = 0; i < trend.size(); i++) {
            HealthPoint p = trend.get(i);
            boolean inWeek = !p.date().isBefore(from) && p.date().isBefore(to);
            if (inWeek && p.status() == OfferStatus.CLOSED && (i == 0 || trend.get(i - 1).status() != OfferStatus.CLOSED)) {
                return true;
            }
        }
        return false;
    }

    private boolean recoveredInWeek(Offer offer) {
        HealthPoint before = offer.pointOn(from.minusDays(1)).orElse(null);
        HealthPoint after = offer.pointOn(to.minusDays(1)).orElse(null);
        return before != null && after != null && before.inTrouble() && !after.inTrouble() && !after.date().isBefore(from);
    }

    private boolean relistedInWeek(Offer offer) {
        for (ActionRecord a : offer.history()) {
            if (a.type() == ActionType.RELISTED && !a.at().isBefore(fromInstant) && a.at().isBefore(toInstant)) {
                return true;
            }
        }
        return false;
    }

    private void countLevels(Offer offer) {
        for (int w = 0; w < WEEKS; w++) {
            LocalDate weekEnd = to.minusWeeks(WEEKS - 1L - w).minusDays(1);
            int week = w;
            offer.pointOn(weekEnd).ifPresent(p -> {
                if (p.status() == OfferStatus.CLOSED) {
                    closedByWeek[week]++;
                } else {
                    levels.get(week).merge(p.health(), 1, Integer::sum);
                }
            });
        }
    }

    WeeklyReview review(String id, ChannelId channel, Language language) {
        List<WeeklyReview.ReasonCount> top = reasons.entrySet().stream()
                .sorted(Map.Entry.<CommentCategory, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS).map(e -> new WeeklyReview.ReasonCount(e.getKey(), e.getValue())).toList();
        List<WeeklyReview.WeekLevels> weeks = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            weeks.add(new WeeklyReview.WeekLevels(from.minusWeeks(WEEKS - 1L - w), levels.get(w), closedByWeek[w]));
        }
        return new WeeklyReview(id, account, channel, language, from, to, closed.offers(), atRisk.offers(),
                recovered.offers(), relisted.offers(), awaitingAction.offers(), top, weeks);
    }

    /** A count and the first few offers by id, so the same offers are named whatever order the store reads them in. */
    private static final class Part {
        private int count;
        private final List<OfferId> examples = new ArrayList<>();

        void add(OfferId id) {
            count++;
            examples.add(id);
            if (examples.size() > WeeklyReview.EXAMPLES) {
                examples.sort(Comparator.comparing(OfferId::value));
                examples.remove(examples.size() - 1);
            }
        }

        WeeklyReview.Offers offers() {
            examples.sort(Comparator.comparing(OfferId::value));
            return new WeeklyReview.Offers(count, examples);
        }
    }
}
