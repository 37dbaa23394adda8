package dev.cxsentinel.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.NcxReason;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a week's review counts, from offers built through the domain's own operations (imports dated by "Last updated"). */
class WeeklyReviewTallyTest {
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final SlackUserId ANNA = new SlackUserId("U0ANNA");
    /** The review of Monday 23 November covers 16–22 November. */
    static final LocalDate FROM = LocalDate.of(2026, 11, 16);
    static final LocalDate TO = LocalDate.of(2026, 11, 23);
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static OfferId id(String sku) {
        return new OfferId(ACCOUNT, Marketplace.DE, new Sku(sku));
    }

    static CxObservation seen(CxHealth health, boolean closed, String reason, LocalDate asOf) {
        return new CxObservation(new Asin("B08N5WRWNW"), "Kettle", FulfilmentChannel.FBA, health, NcxRate.ofPercent(health.isAtRisk() ? 9.0 : 1.0),
                9, 100, reason == null ? null : NcxReason.parse(reason).orElseThrow(), closed ? asOf : null, closed, null, asOf);
    }

    static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static Offer offer(String sku, LocalDate first, CxHealth health, boolean closed, String reason) {
        return Offer.discover(id(sku), seen(health, closed, reason, first), at(first)).after();
    }

    static Offer then(Offer offer, LocalDate day, CxHealth health, boolean closed, String reason) {
        return offer.observe(seen(health, closed, reason, day), at(day)).after();
    }

    WeeklyReview review(Offer... offers) {
        WeeklyReviewTally tally = new WeeklyReviewTally(ACCOUNT, FROM, TO, ZoneOffset.UTC, NOW);
        for (Offer o : offers) {
            tally.add(o);
        }
        return tally.review("C0CX:2026-11-23", new ChannelId("C0CX"), Language.EN);
    }

    @Test
    void countsClosedAtRiskRecoveredRelistedAndOpenActionsOfTheWeek() {
        Offer closedInWeek = then(offer("A-CLOSED", FROM.minusDays(6), CxHealth.GOOD, false, null),
                FROM.plusDays(2), CxHealth.VERY_POOR, true, "Damaged");
        Offer recovered = then(offer("B-RECOVERED", FROM.minusDays(6), CxHealth.POOR, false, "Too small"),
                FROM.plusDays(3), CxHealth.GOOD, false, null);
        Offer relisted = offer("C-RELISTED", FROM.minusDays(6), CxHealth.VERY_POOR, true, "Damaged")
                .relist(ANNA, "fixed the listing", at(FROM.plusDays(1))).after();
        Offer atRisk = offer("D-AT-RISK", FROM.plusDays(4), CxHealth.VERY_POOR, false, "Too small");
        Offer closedLongAgo = offer("E-OLD-CLOSURE", FROM.minusDays(14), CxHealth.VERY_POOR, true, "Defective");
        Offer snoozed = offer("F-SNOOZED", FROM.minusDays(14), CxHealth.VERY_POOR, true, null)
                .snooze(ANNA, NOW.plusSeconds(86_400), "", NOW.minusSeconds(60)).after();
        Offer quiet = offer("G-QUIET", FROM.minusDays(30), CxHealth.EXCELLENT, false, null);

        WeeklyReview r = review(closedInWeek, recovered, relisted, atRisk, closedLongAgo, snoozed, quiet);

        assertEquals(List.of(id("A-CLOSED")), r.closed().examples(), "closed in the week; E and F closed before it");
        assertEquals(List.of(id("D-AT-RISK")), r.atRisk().examples());
        assertEquals(List.of(id("B-RECOVERED")), r.recovered().examples());
        assertEquals(List.of(id("C-RELISTED")), r.relisted().examples());
        assertEquals(List.of(id("A-CLOSED"), id("E-OLD-CLOSURE")), r.awaitingAction().examples(),
                "closed without action; the relisted and the snoozed ones are not waiting");
        assertEquals(List.of(new WeeklyReview.ReasonCount(CommentCategory.DAMAGED, 2), new WeeklyReview.ReasonCount(CommentCategory.DEFECTIVE, 1),
                new WeeklyReview.ReasonCount(CommentCategory.SIZE_FIT, 1)), r.topReasons(),
                "offers in trouble now, by reason, most first (ties in the catalog's order); the recovered one's old reason no longer counts");
    }

    @Test
    void healthLevelsWeekByWeekComeFromEachOffersHistory() {
        Offer closedInWeek = then(offer("A-CLOSED", FROM.minusDays(6), CxHealth.GOOD, false, null),
                FROM.plusDays(2), CxHealth.VERY_POOR, true, "Damaged");
        Offer recovered = then(offer("B-RECOVERED", FROM.minusDays(6), CxHealth.POOR, false, null),
                FROM.plusDays(3), CxHealth.GOOD, false, null);
        Offer newThisWeek = offer("D-NEW", FROM.plusDays(4), CxHealth.VERY_POOR, false, null);

        List<WeeklyReview.WeekLevels> weeks = review(closedInWeek, recovered, newThisWeek).weeks();

        assertEquals(WeeklyReviewTally.WEEKS, weeks.size());
        assertEquals(FROM, weeks.get(weeks.size() - 1).weekStart(), "oldest first, this week last");
        WeeklyReview.WeekLevels before = weeks.get(weeks.size() - 2);
        assertEquals(Map.of(CxHealth.GOOD, 1, CxHealth.POOR, 1), before.levels());
        assertEquals(0, before.closed());
        WeeklyReview.WeekLevels thisWeek = weeks.get(weeks.size() - 1);
        assertEquals(Map.of(CxHealth.GOOD, 1, CxHealth.VERY_POOR, 1), thisWeek.levels());
        assertEquals(1, thisWeek.closed());
        assertEquals(0, weeks.get(0).total(), "no offer existed eight weeks ago");
    }

    @Test
    void aQuietWeekSaysSoAndNamesAtMostAFewOffersOfALongList() {
        assertTrue(review(offer("G-QUIET", FROM.minusDays(30), CxHealth.EXCELLENT, false, null)).quiet());

        Offer[] many = new Offer[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = offer(String.format("R-%02d", 11 - i), FROM.plusDays(1), CxHealth.POOR, false, null);
        }
        WeeklyReview r = review(many);
        assertEquals(12, r.atRisk().count());
        assertEquals(List.of(id("R-00"), id("R-01"), id("R-02"), id("R-03"), id("R-04")), r.atRisk().examples(),
                "the first five by id, whatever order they were read in");
    }
}
