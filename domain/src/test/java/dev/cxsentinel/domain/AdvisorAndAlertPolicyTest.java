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
        assertEquals(List.of(Advice.Kind.REMOVAL_ORDER),
                kinds(FulfilmentChannel.FBA, OfferStatus.CLOSED, false, comment(CommentCategory.WRONG_ITEM, "wrong kettle")));
        assertEquals(List.of(),
                kinds(FulfilmentChannel.FBM, OfferStatus.ACTIVE, false, comment(CommentCategory.WRONG_ITEM, "wrong kettle")));
    }

    @Test
    void fbaDamagedOrDefectiveAdvisesRemovalOrDisposal() {
        assertEquals(List.of(Advice.Kind.REMOVAL_ORDER, Advice.Kind.DISPOSAL_ORDER),
                kinds(FulfilmentChannel.FBA, OfferStatus.ACTIVE, false, comment(CommentCategory.DAMAGED, "box crushed")));
    }

    @Test
    void closedWithOnlyDeliveryCommentsAdvisesDisputeThenRelist() {
        List<Advice> advice = Advisor.advise(FulfilmentChannel.FBM, OfferStatus.CLOSED,
                List.of(comment(CommentCategory.DELIVERY, "arrived late")), false);
        assertEquals(List.of(Advice.Kind.DISPUTE, Advice.Kind.RELIST), advice.stream().map(Advice::kind).toList());
        assertEquals(DisputeReason.DELIVERY_PROBLEMS, advice.get(0).disputeReason());
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
        assertEquals(List.of(Advice.Kind.UPDATE_DETAIL_PAGE),
                kinds(FulfilmentChannel.FBM, OfferStatus.CLOSED, false, comment(CommentCategory.SIZE_FIT, "too small"),
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
