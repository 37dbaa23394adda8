package dev.cxsentinel.domain;

import static dev.cxsentinel.domain.Fixtures.ANNA;
import static dev.cxsentinel.domain.Fixtures.KETTLE;
import static dev.cxsentinel.domain.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisorAndAlertPolicyTest {

    private static CustomerComment comment(CommentCategory category, String text) {
        return new CustomerComment(LocalDate.of(2026, 11, 18), category, text);
    }

    private static List<Advice.Ground> grounds(FulfilmentChannel channel, OfferStatus status, boolean fixed, CustomerComment... comments) {
        return Advisor.advise(channel, status, List.of(comments), fixed).stream().map(Advice::ground).toList();
    }

    private static List<Advice.Kind> kinds(FulfilmentChannel channel, OfferStatus status, boolean fixed, CustomerComment... comments) {
        return Advisor.advise(channel, status, List.of(comments), fixed).stream().map(Advice::kind).toList();
    }

    @Test
    void detailPageCommentsAdviseUpdatingTheDetailPage() {
        assertEquals(List.of(Advice.Kind.UPDATE_DETAIL_PAGE),
                kinds(FulfilmentChannel.FBM, OfferStatus.ACTIVE, false, comment(CommentCategory.COMPATIBILITY, "does not fit")));
    }

    @Test
    void fbaWrongItemAdvisesRemovalAndRelabelling() {
        assertEquals(List.of(Advice.Ground.WRONG_ITEM_FBA, Advice.Ground.RELIST_AFTER_FIX),
                grounds(FulfilmentChannel.FBA, OfferStatus.CLOSED, false, comment(CommentCategory.WRONG_ITEM, "wrong kettle")));
        assertEquals(List.of(),
                kinds(FulfilmentChannel.FBM, OfferStatus.ACTIVE, false, comment(CommentCategory.WRONG_ITEM, "wrong kettle")));
    }

    @Test
    void fbaDamagedOrDefectiveAdvisesRemovalOrDisposal() {
        assertEquals(List.of(Advice.Kind.REMOVAL_ORDER, Advice.Kind.DISPOSAL_ORDER),
                kinds(FulfilmentChannel.FBA, OfferStatus.ACTIVE, false, comment(CommentCategory.DAMAGED, "box crushed")));
    }

    @Test
    void closedWithOnlyDeliveryCommentsAdvisesADisputeNamingThem() {
        List<Advice> advice = Advisor.advise(FulfilmentChannel.FBM, OfferStatus.CLOSED,
                List.of(comment(CommentCategory.DELIVERY, "arrived late"), comment(null, "Parcel came a week late")), false);
        assertEquals(List.of(Advice.Kind.DISPUTE), advice.stream().map(Advice::kind).toList());
        assertEquals(DisputeReason.DELIVERY_PROBLEMS, advice.get(0).disputeReason());
        assertEquals(java.util.Map.of(CommentCategory.DELIVERY, 2), advice.get(0).basis().comments());
    }

    @Test
    void aColdHotPlateIsADefectNeverADeliveryDispute() {
        Offer closed = Fixtures.offer(CxHealth.VERY_POOR, true)
                .addComments(List.of(comment(null, "The hot plate stays cold."))).after();
        List<Advice> advice = closed.advice();
        assertEquals(CommentCategory.DEFECTIVE, closed.comments().get(0).category());
        // The fixture's report also names "Wrong item" as the top NCX reason, hence the relabelling advice.
        assertEquals(List.of(Advice.Ground.WRONG_ITEM_FBA, Advice.Ground.FAULTY_STOCK_FBA, Advice.Ground.DISPOSE_IF_UNSELLABLE,
                Advice.Ground.RELIST_AFTER_FIX), advice.stream().map(Advice::ground).toList());
        assertEquals(java.util.Map.of(CommentCategory.DEFECTIVE, 1), advice.get(1).basis().comments());
    }

    @Test
    void theTopNcxReasonCountsWhenThereAreNoComments() {
        Offer closed = Offer.discover(KETTLE, new CxObservation(new Asin("B08N5WRWNW"), "Kettle", FulfilmentChannel.FBA,
                CxHealth.VERY_POOR, NcxRate.ofPercent(9.8), 12, 122, "Item defective or doesn't work\n55%",
                LocalDate.of(2026, 11, 20), true), NOW).after();
        List<Advice> advice = closed.advice();
        assertEquals(List.of(Advice.Ground.FAULTY_STOCK_FBA, Advice.Ground.DISPOSE_IF_UNSELLABLE, Advice.Ground.RELIST_AFTER_FIX),
                advice.stream().map(Advice::ground).toList());
        assertEquals(55, advice.get(0).basis().topReason().sharePercent());
    }

    @Test
    void noCommentsAndNoReasonSaysSoInsteadOfAdvisingARelist() {
        Offer closed = Offer.discover(KETTLE, new CxObservation(new Asin("B08N5WRWNW"), "Kettle", FulfilmentChannel.FBA,
                CxHealth.VERY_POOR, NcxRate.ofPercent(9.8), 12, 122, null, LocalDate.of(2026, 11, 20), true), NOW).after();
        assertEquals(List.of(Advice.Kind.READ_COMMENTS), closed.advice().stream().map(Advice::kind).toList());
    }

    @Test
    void commentsWithoutAProductProblemAdviseARelist() {
        assertEquals(List.of(Advice.Ground.NO_FUNDAMENTAL_PROBLEM),
                grounds(FulfilmentChannel.FBM, OfferStatus.CLOSED, false, comment(null, "I just didn't like it.")));
    }

    @Test
    void aCustomersOwnMistakeAdvisesADisputeForMisunderstanding() {
        List<Advice> advice = Advisor.advise(FulfilmentChannel.FBM, OfferStatus.CLOSED,
                List.of(comment(null, "Bought by mistake, my own fault")), false);
        assertEquals(DisputeReason.CUSTOMER_MISUNDERSTANDING, advice.get(0).disputeReason());
    }

    @Test
    void fraudCommentsAdviseDisputeForFraud() {
        List<Advice> advice = Advisor.advise(FulfilmentChannel.FBM, OfferStatus.CLOSED,
                List.of(comment(CommentCategory.OTHER, "This is a fraud review from a competitor")), false);
        assertEquals(DisputeReason.FRAUDULENT_COMMENTS, advice.get(0).disputeReason());
    }

    @Test
    void closedWithAFixedCauseAdvisesRelistFirst() {
        assertEquals(List.of(Advice.Kind.RELIST, Advice.Kind.REMOVAL_ORDER),
                kinds(FulfilmentChannel.FBA, OfferStatus.CLOSED, true, comment(CommentCategory.WRONG_ITEM, "wrong kettle")));
    }

    @Test
    void closedWithAFundamentalProblemDoesNotAdviseRelistYet() {
        assertEquals(List.of(Advice.Ground.DETAIL_PAGE, Advice.Ground.RELIST_AFTER_FIX),
                grounds(FulfilmentChannel.FBM, OfferStatus.CLOSED, false, comment(CommentCategory.SIZE_FIT, "too small"),
                        comment(CommentCategory.DELIVERY, "late")));
    }

    @Test
    void closuresAndMovesIntoPoorAlertAtOnceOthersGoToTheDigest() {
        Offer offer = Fixtures.offer(CxHealth.FAIR, false);
        assertEquals(AlertPolicy.Urgency.IMMEDIATE, AlertPolicy.urgency(new OfferEvent.OfferClosed(KETTLE, null), offer, NOW));
        assertEquals(AlertPolicy.Urgency.IMMEDIATE, AlertPolicy.urgency(new OfferEvent.HealthDegraded(KETTLE, CxHealth.FAIR, CxHealth.POOR), offer, NOW));
        assertEquals(AlertPolicy.Urgency.DIGEST, AlertPolicy.urgency(new OfferEvent.HealthDegraded(KETTLE, CxHealth.GOOD, CxHealth.FAIR), offer, NOW));
        assertEquals(AlertPolicy.Urgency.DIGEST, AlertPolicy.urgency(new OfferEvent.HealthImproved(KETTLE, CxHealth.POOR, CxHealth.FAIR), offer, NOW));
        assertEquals(AlertPolicy.Urgency.NONE, AlertPolicy.urgency(new OfferEvent.OfferDiscovered(KETTLE, CxHealth.GOOD), offer, NOW));
    }

    @Test
    void snoozeMutesAllButClosures() {
        Offer snoozed = Fixtures.offer(CxHealth.FAIR, false).snooze(ANNA, NOW.plus(Duration.ofDays(1)), "", NOW).after();
        assertEquals(AlertPolicy.Urgency.NONE, AlertPolicy.urgency(new OfferEvent.HealthDegraded(KETTLE, CxHealth.FAIR, CxHealth.VERY_POOR), snoozed, NOW));
        assertEquals(AlertPolicy.Urgency.IMMEDIATE, AlertPolicy.urgency(new OfferEvent.OfferClosed(KETTLE, null), snoozed, NOW));
    }
}
