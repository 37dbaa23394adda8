package dev.cxsentinel.domain;

import static dev.cxsentinel.domain.Fixtures.ANNA;
import static dev.cxsentinel.domain.Fixtures.BEN;
import static dev.cxsentinel.domain.Fixtures.KETTLE;
import static dev.cxsentinel.domain.Fixtures.NOW;
import static dev.cxsentinel.domain.Fixtures.offer;
import static dev.cxsentinel.domain.Fixtures.seen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferTest {

    @Test
    void attentionRanksClosedThenRelistPendingThenVeryPoorThenPoor() {
        assertEquals(Optional.of(Attention.CLOSED), offer(CxHealth.GOOD, true).attention());
        assertEquals(Optional.of(Attention.RELIST_PENDING), offer(CxHealth.VERY_POOR, true).relist(ANNA, "", NOW).after().attention());
        assertEquals(Optional.of(Attention.VERY_POOR), offer(CxHealth.VERY_POOR, false).attention());
        assertEquals(Optional.of(Attention.POOR), offer(CxHealth.POOR, false).attention());
        assertEquals(Optional.empty(), offer(CxHealth.FAIR, false).attention());
        assertFalse(offer(CxHealth.INSUFFICIENT_FEEDBACK, false).needsAttention());
        assertTrue(offer(CxHealth.POOR, false).needsAttention());
    }

    @Test
    void anOpenActionIsAClosureNobodyRelistedRemediedOrSnoozed() {
        Offer closed = offer(CxHealth.VERY_POOR, true);
        assertTrue(closed.awaitsAction(NOW));
        assertFalse(closed.relist(ANNA, "", NOW).after().awaitsAction(NOW));
        assertFalse(closed.recordRemedy(ANNA, Remedy.UPDATE_DETAIL_PAGE, "", NOW).after().awaitsAction(NOW));
        Offer snoozed = closed.snooze(ANNA, NOW.plus(Duration.ofDays(1)), "", NOW).after();
        assertFalse(snoozed.awaitsAction(NOW));
        assertTrue(snoozed.awaitsAction(NOW.plus(Duration.ofDays(2))), "again once the snooze ends");
        assertFalse(offer(CxHealth.VERY_POOR, false).awaitsAction(NOW), "at risk is not closed");
    }

    @Test
    void theFiguresOnADayAreTheLastPointOnOrBeforeIt() {
        Offer offer = offer(CxHealth.GOOD, false);
        LocalDate first = offer.trend().get(0).date();
        Offer later = offer.observe(seen(CxHealth.POOR, false), NOW.plus(Duration.ofDays(3))).after();
        assertEquals(Optional.empty(), later.pointOn(first.minusDays(1)));
        assertEquals(CxHealth.GOOD, later.pointOn(first.plusDays(1)).orElseThrow().health());
        assertEquals(CxHealth.POOR, later.pointOn(first.plusDays(30)).orElseThrow().health());
    }

    @Test
    void discoveringAClosedOfferRaisesAClosure() {
        Offer.Transition t = Offer.discover(KETTLE, seen(CxHealth.VERY_POOR, true), NOW);
        assertEquals(OfferStatus.CLOSED, t.after().status());
        assertTrue(t.events().stream().anyMatch(e -> e instanceof OfferEvent.OfferClosed));
        assertEquals(NOW, t.after().closedNoticedAt());
    }

    @Test
    void anUnchangedObservationChangesNothing() {
        Offer o = offer(CxHealth.POOR, false);
        Offer.Transition t = o.observe(seen(CxHealth.POOR, false), NOW);
        assertFalse(t.changed());
        assertTrue(t.events().isEmpty());
    }

    @Test
    void aMoveDownIsADegradationAndUpAnImprovement() {
        Offer fair = offer(CxHealth.FAIR, false);
        assertEquals(new OfferEvent.HealthDegraded(KETTLE, CxHealth.FAIR, CxHealth.POOR),
                fair.observe(seen(CxHealth.POOR, false), NOW).events().get(0));
        assertEquals(new OfferEvent.HealthImproved(KETTLE, CxHealth.FAIR, CxHealth.GOOD),
                fair.observe(seen(CxHealth.GOOD, false), NOW).events().get(0));
        assertInstanceOf(OfferEvent.HealthChanged.class,
                fair.observe(seen(CxHealth.INSUFFICIENT_FEEDBACK, false), NOW).events().get(0));
    }

    @Test
    void activeOfferReportedClosedIsClosed() {
        Offer.Transition t = offer(CxHealth.POOR, false).observe(seen(CxHealth.VERY_POOR, true), NOW);
        assertEquals(OfferStatus.CLOSED, t.after().status());
        assertTrue(t.events().contains(new OfferEvent.OfferClosed(KETTLE, LocalDate.of(2026, 11, 20))));
        assertTrue(t.events().contains(new OfferEvent.HealthDegraded(KETTLE, CxHealth.POOR, CxHealth.VERY_POOR)));
    }

    @Test
    void relistMovesAClosedOfferToRelistPendingAndRecordsWhoWhenAndWhy() {
        Offer.Transition t = offer(CxHealth.VERY_POOR, true).relist(ANNA, "replaced the size chart", NOW);
        assertEquals(OfferStatus.RELIST_PENDING, t.after().status());
        ActionRecord action = t.after().history().get(0);
        assertEquals(ANNA, action.actor());
        assertEquals(NOW, action.at());
        assertEquals("replaced the size chart", action.note());
        assertInstanceOf(OfferEvent.Relisted.class, t.events().get(0));
    }

    @Test
    void relistAndDisputeApplyOnlyToClosedOffers() {
        Offer active = offer(CxHealth.POOR, false);
        OfferNotClosedException e = assertThrows(OfferNotClosedException.class, () -> active.relist(ANNA, "", NOW));
        assertTrue(e.getMessage().contains("only a closed offer can be relisted"), e.getMessage());
        assertThrows(OfferNotClosedException.class, () -> active.dispute(ANNA, DisputeReason.DELIVERY_PROBLEMS, "", NOW));
    }

    @Test
    void aSecondRelistSaysWhoRelistedAlready() {
        Offer pending = offer(CxHealth.VERY_POOR, true).relist(ANNA, "", NOW).after();
        AlreadyRelistedException e = assertThrows(AlreadyRelistedException.class, () -> pending.relist(BEN, "", NOW));
        assertEquals(ANNA, e.previous().actor());
        assertTrue(e.getMessage().contains("already relisted by U0ANNA"), e.getMessage());
        assertThrows(AlreadyRelistedException.class, () -> pending.dispute(BEN, DisputeReason.FRAUDULENT_COMMENTS, "", NOW));
    }

    @Test
    void disputeNeedsAReasonAndOtherNeedsAnExplanation() {
        Offer closed = offer(CxHealth.VERY_POOR, true);
        assertThrows(ExplanationRequiredException.class, () -> closed.dispute(ANNA, null, "x", NOW));
        ExplanationRequiredException e = assertThrows(ExplanationRequiredException.class,
                () -> closed.dispute(ANNA, DisputeReason.OTHER, "  ", NOW));
        assertTrue(e.getMessage().contains("needs an explanation"));
        Offer.Transition ok = closed.dispute(ANNA, DisputeReason.OTHER, "competitor left these comments", NOW);
        assertEquals(OfferStatus.RELIST_PENDING, ok.after().status());
        assertEquals(DisputeReason.OTHER, ok.after().history().get(0).reason());
    }

    @Test
    void removalAndDisposalOnlyForFba() {
        Offer fbm = Fixtures.fbmOffer(CxHealth.POOR, false);
        assertThrows(RemedyNotAllowedException.class, () -> fbm.recordRemedy(ANNA, Remedy.REMOVAL_ORDER, "", NOW));
        assertThrows(RemedyNotAllowedException.class, () -> fbm.recordRemedy(ANNA, Remedy.DISPOSAL_ORDER, "", NOW));
        Offer.Transition t = fbm.recordRemedy(ANNA, Remedy.UPDATE_DETAIL_PAGE, "new size chart", NOW);
        assertEquals(Remedy.UPDATE_DETAIL_PAGE, t.after().history().get(0).remedy());
        assertEquals(OfferStatus.ACTIVE, t.after().status());
        Offer fba = offer(CxHealth.POOR, false);
        assertEquals(1, fba.recordRemedy(ANNA, Remedy.DISPOSAL_ORDER, "", NOW).after().history().size());
    }

    @Test
    void historyIsOnlyAppended() {
        Offer o = offer(CxHealth.VERY_POOR, true)
                .recordRemedy(ANNA, Remedy.REMOVAL_ORDER, "removed 40 units", NOW).after()
                .relist(BEN, "stock relabelled", NOW.plusSeconds(60)).after();
        assertEquals(List.of(ActionType.REMEDY_RECORDED, ActionType.RELISTED), o.history().stream().map(ActionRecord::type).toList());
        assertThrows(UnsupportedOperationException.class, () -> o.history().clear());
    }

    @Test
    void relistPendingBecomesActiveWhenAReportShowsItActive() {
        Offer pending = offer(CxHealth.VERY_POOR, true).relist(ANNA, "", NOW).after();
        Offer.Transition t = pending.observe(seen(CxHealth.VERY_POOR, false), NOW.plusSeconds(86400));
        assertEquals(OfferStatus.ACTIVE, t.after().status());
        assertEquals(List.of(new OfferEvent.OfferReactivated(KETTLE, true)), t.events());
    }

    @Test
    void stillClosedAfterRelistIsNews() {
        Offer pending = offer(CxHealth.VERY_POOR, true).relist(ANNA, "", NOW).after();
        Offer.Transition t = pending.observe(seen(CxHealth.VERY_POOR, true), NOW.plusSeconds(86400));
        assertEquals(OfferStatus.CLOSED, t.after().status());
        OfferEvent.StillClosedAfterRelist e = assertInstanceOf(OfferEvent.StillClosedAfterRelist.class, t.events().get(0));
        assertEquals(ANNA, e.relist().actor());
    }

    @Test
    void snoozeMustEndInTheFutureAndWithinThirtyDays() {
        Offer o = offer(CxHealth.POOR, false);
        assertThrows(InvalidSnoozeException.class, () -> o.snooze(ANNA, NOW.minusSeconds(1), "", NOW));
        assertThrows(InvalidSnoozeException.class, () -> o.snooze(ANNA, NOW.plus(Duration.ofDays(31)), "", NOW));
        Offer snoozed = o.snooze(ANNA, NOW.plus(Duration.ofDays(3)), "", NOW).after();
        assertTrue(snoozed.isSnoozed(NOW.plusSeconds(10)));
        assertFalse(snoozed.isSnoozed(NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void remindersComeEveryIntervalAtMostThreeTimesTheLastEscalated() {
        Offer closed = Offer.discover(KETTLE, seen(CxHealth.VERY_POOR, true), NOW).after();
        Duration day = Duration.ofHours(24);
        assertTrue(closed.remindIfDue(NOW.plus(Duration.ofHours(23)), day, 3).isEmpty());
        Offer o = closed;
        for (int n = 1; n <= 3; n++) {
            Offer.Transition t = o.remindIfDue(NOW.plus(day.multipliedBy(n)), day, 3).orElseThrow();
            assertEquals(new OfferEvent.ReminderDue(KETTLE, n, n == 3), t.events().get(0));
            o = t.after();
        }
        assertTrue(o.remindIfDue(NOW.plus(day.multipliedBy(10)), day, 3).isEmpty());
    }

    @Test
    void anActionStopsReminders() {
        Offer closed = Offer.discover(KETTLE, seen(CxHealth.VERY_POOR, true), NOW).after();
        Offer acted = closed.recordRemedy(ANNA, Remedy.REMOVAL_ORDER, "", NOW.plusSeconds(60)).after();
        assertTrue(acted.remindIfDue(NOW.plus(Duration.ofDays(2)), Duration.ofHours(24), 3).isEmpty());
    }

    @Test
    void commentsAreMergedWithoutDuplicatesNewestFirst() {
        CustomerComment a = new CustomerComment(LocalDate.of(2026, 11, 18), CommentCategory.WRONG_ITEM, "wrong kettle");
        CustomerComment b = new CustomerComment(LocalDate.of(2026, 11, 19), (CommentCategory) null, "different kettle than pictured");
        Offer o = offer(CxHealth.VERY_POOR, true).addComments(List.of(a)).after().addComments(List.of(a, b)).after();
        assertEquals(List.of(b, a), o.comments());
    }

    private static CxObservation dated(CxHealth health, boolean closed, LocalDate asOf) {
        CxObservation o = Fixtures.seen(health, closed);
        return new CxObservation(o.asin(), o.productName(), o.channel(), health, o.ncxRate(), o.ncxOrders(), o.totalOrders(),
                o.topReason(), o.closedDate(), closed, null, asOf);
    }

    @Test
    void anOlderSnapshotIsStaleAndChangesNothing() {
        Offer offer = Offer.discover(Fixtures.KETTLE, dated(CxHealth.POOR, false, LocalDate.of(2026, 11, 22)), Fixtures.NOW).after();
        Offer.Transition older = offer.observe(dated(CxHealth.GOOD, false, LocalDate.of(2026, 11, 20)), Fixtures.NOW);
        assertTrue(older.stale());
        assertFalse(older.changed());
        assertEquals(CxHealth.POOR, older.after().health());
    }

    @Test
    void aDatelessRowIsAsOfTheImportButOnlyStoredWithARealChange() {
        Offer offer = Offer.discover(Fixtures.KETTLE, dated(CxHealth.POOR, false, LocalDate.of(2026, 11, 20)), Fixtures.NOW).after();
        Offer.Transition same = offer.observe(dated(CxHealth.POOR, false, null), Fixtures.NOW);
        assertFalse(same.changed(), "an unchanged dateless re-import writes nothing");
        Offer improved = offer.observe(dated(CxHealth.FAIR, false, null), Fixtures.NOW).after();
        assertEquals(LocalDate.of(2026, 11, 26), improved.observed().asOf(), "as of the import day");
        assertTrue(improved.observe(dated(CxHealth.VERY_POOR, true, LocalDate.of(2026, 11, 25)), Fixtures.NOW).stale(),
                "a snapshot from before that import is stale");
    }

    /**
     * The same dateless row on a later day changes nothing, whatever state it left the offer in: the import
     * fingerprints rely on it to skip such a row without reading the offer (RowFingerprint).
     */
    @Test
    void theSameDatelessRowOnALaterDayChangesNothing() {
        for (CxObservation row : List.of(dated(CxHealth.POOR, false, null), dated(CxHealth.VERY_POOR, true, null),
                dated(CxHealth.EXCELLENT, false, null))) {
            Offer discovered = Offer.discover(KETTLE, row, NOW).after();
            Offer changedByIt = Offer.discover(KETTLE, dated(CxHealth.FAIR, false, LocalDate.of(2026, 11, 20)), NOW).after()
                    .observe(row, NOW).after();
            Offer closed = Offer.discover(KETTLE, dated(CxHealth.VERY_POOR, true, LocalDate.of(2026, 11, 20)), NOW).after();
            Offer afterARelist = closed.relist(ANNA, "fixed", NOW).after().observe(row, NOW).after();
            for (Offer left : List.of(discovered, changedByIt, afterARelist)) {
                for (int days : new int[] {1, 7, 40}) {
                    Offer.Transition again = left.observe(row, NOW.plus(Duration.ofDays(days)));
                    assertFalse(again.changed(), row.health() + " " + days + " days later");
                    assertEquals(List.of(), again.events());
                }
            }
        }
    }

    @Test
    void aClosedSnapshotTakenBeforeTheRelistDoesNotSayStillClosed() {
        Offer closed = Offer.discover(Fixtures.KETTLE, dated(CxHealth.VERY_POOR, true, LocalDate.of(2026, 11, 20)), Fixtures.NOW).after();
        Offer pending = closed.relist(Fixtures.ANNA, "fixed", Fixtures.NOW).after();
        Offer.Transition before = pending.observe(dated(CxHealth.VERY_POOR, true, LocalDate.of(2026, 11, 25)), Fixtures.NOW);
        assertTrue(before.stale());
        assertEquals(List.of(), before.events());
        assertEquals(OfferStatus.RELIST_PENDING, before.after().status());
        Offer.Transition after = pending.observe(dated(CxHealth.VERY_POOR, true, LocalDate.of(2026, 11, 27)), Fixtures.NOW);
        assertTrue(after.events().stream().anyMatch(e -> e instanceof OfferEvent.StillClosedAfterRelist));
    }

    @Test
    void everyChangeOfTheFiguresIsAPointOfHistoryAndNothingElseIs() {
        Offer offer = Offer.discover(Fixtures.KETTLE, dated(CxHealth.FAIR, false, LocalDate.of(2026, 11, 10)), Fixtures.NOW).after();
        offer = offer.observe(dated(CxHealth.FAIR, false, LocalDate.of(2026, 11, 11)), Fixtures.NOW).after();
        assertEquals(1, offer.trend().size(), "unchanged figures add no point");
        offer = offer.observe(dated(CxHealth.POOR, false, LocalDate.of(2026, 11, 12)), Fixtures.NOW).after();
        offer = offer.observe(dated(CxHealth.VERY_POOR, false, LocalDate.of(2026, 11, 12)), Fixtures.NOW).after();
        assertEquals(2, offer.trend().size(), "one point a day: the later snapshot of a day replaces the earlier");
        assertEquals(CxHealth.VERY_POOR, offer.trend().get(1).health());
        Offer.Transition stale = offer.observe(dated(CxHealth.GOOD, false, LocalDate.of(2026, 11, 1)), Fixtures.NOW);
        assertEquals(offer.trend(), stale.after().trend(), "a stale snapshot adds nothing");
        for (int day = 0; day < 400; day++) {
            offer = offer.observe(dated(day % 2 == 0 ? CxHealth.POOR : CxHealth.FAIR, false, LocalDate.of(2026, 11, 13).plusDays(day)),
                    Fixtures.NOW).after();
        }
        assertEquals(HealthPoint.MAX_POINTS, offer.trend().size(), "bounded to a year of daily points");
    }
}
