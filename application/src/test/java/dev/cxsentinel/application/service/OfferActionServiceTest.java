package dev.cxsentinel.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.AmbiguousOfferException;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.ChannelNotLinkedException;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.OfferQuery;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.AlreadyRelistedException;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.ExplanationRequiredException;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.RemedyNotAllowedException;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class OfferActionServiceTest {
    static final Instant NOW = TestData.NOW;
    static final SellerAccountId ACCOUNT = TestData.ACCOUNT;
    static final ChannelId CHANNEL = TestData.CHANNEL;
    static final SlackUserId ANNA = TestData.ANNA;
    static final SlackUserId BEN = TestData.BEN;
    static final SlackUserId ADMIN = TestData.ADMIN;
    static final ChannelLink LINK = TestData.LINK;

    @Mock ChannelLinks links;
    @Mock OperatorRoles roles;
    @Mock FindOffers findOffers;
    @Mock LoadOffer loadOffer;
    @Mock SaveOffer saveOffer;
    @Mock AuditLog audit;
    @Mock Clock clock;
    @Mock DispatchSignal signal;

    OfferActionService service;

    /** The shared closed kettle, as stored at version 3. */
    static Offer closedKettle(FulfilmentChannel channel) {
        return TestData.closedKettle(channel).withVersion(3);
    }

    @BeforeEach
    void setUp() {
        AccessService access = new AccessService(links, roles, new Admins(Set.of(ADMIN)));
        service = new OfferActionService(access, new OfferLocator(findOffers), loadOffer, saveOffer, links, audit, clock, signal);
        when(clock.now()).thenReturn(NOW);
        when(links.find(CHANNEL)).thenReturn(Optional.of(LINK));
        when(links.findByAccount(ACCOUNT)).thenReturn(List.of(LINK));
        when(roles.isOperator(ACCOUNT, ANNA)).thenReturn(true);
        when(roles.isOperator(ACCOUNT, BEN)).thenReturn(true);
    }

    private void stored(Offer offer) {
        when(findOffers.findBySku(ACCOUNT, offer.id().sku())).thenReturn(List.of(offer));
        when(findOffers.findByAsin(ACCOUNT, offer.asin())).thenReturn(List.of(offer));
        when(loadOffer.load(offer.id())).thenReturn(Optional.of(offer));
    }

    @Test
    void relistWritesTheOfferWithItsVersionAndOwesAFollowUpInTheSameWrite() {
        stored(closedKettle(FulfilmentChannel.FBA));
        var result = service.relist(new RelistOffer.RelistOfferCommand(new Actor(ANNA, CHANNEL), OfferQuery.parse("B08N5WRWNW"), "fixed the listing"));

        ArgumentCaptor<OfferChange> change = ArgumentCaptor.forClass(OfferChange.class);
        verify(saveOffer).save(change.capture());
        assertEquals(3, change.getValue().expectedVersion());
        assertEquals(OfferStatus.RELIST_PENDING, change.getValue().offer().status());
        Notification owed = change.getValue().owed().get(0);
        assertEquals(EventType.RELISTED, owed.event());
        assertEquals(Notification.Kind.FOLLOW_UP, owed.kind());
        assertEquals(CHANNEL, owed.channel());
        assertEquals("fixed the listing", result.action().note());
        verify(audit).appendOfferAction(any(), any());
        verify(signal).notificationsOwed();
    }

    @Test
    void ofTwoConcurrentRelistsTheLoserIsToldWhoWon() {
        Offer closed = closedKettle(FulfilmentChannel.FBA);
        stored(closed);
        Offer relistedByAnna = closed.relist(ANNA, "", NOW.minusSeconds(1)).after().withVersion(4);
        doThrow(new ConcurrentUpdateException(closed.id())).when(saveOffer).save(any());
        when(loadOffer.load(closed.id())).thenReturn(Optional.of(relistedByAnna));

        AlreadyRelistedException e = assertThrows(AlreadyRelistedException.class, () -> service.relist(
                new RelistOffer.RelistOfferCommand(new Actor(BEN, CHANNEL), OfferQuery.parse("HB-KETTLE-02"), "")));
        assertEquals(ANNA, e.previous().actor());
        verify(saveOffer, times(1)).save(any());
        verify(audit, never()).appendOfferAction(any(), any());
    }

    @Test
    void aConflictWithAnUnrelatedChangeIsRetriedOnTheFreshOffer() {
        Offer closed = closedKettle(FulfilmentChannel.FBA);
        stored(closed);
        Offer withRemedy = closed.recordRemedy(ANNA, Remedy.REMOVAL_ORDER, "", NOW.minusSeconds(1)).after().withVersion(4);
        doThrow(new ConcurrentUpdateException(closed.id())).doNothing().when(saveOffer).save(any());
        when(loadOffer.load(closed.id())).thenReturn(Optional.of(withRemedy));

        service.relist(new RelistOffer.RelistOfferCommand(new Actor(BEN, CHANNEL), OfferQuery.parse("HB-KETTLE-02"), ""));

        ArgumentCaptor<OfferChange> change = ArgumentCaptor.forClass(OfferChange.class);
        verify(saveOffer, times(2)).save(change.capture());
        assertEquals(4, change.getAllValues().get(1).expectedVersion());
        assertEquals(2, change.getAllValues().get(1).offer().history().size());
    }

    @Test
    void aUserWithoutTheOperatorRoleIsRefusedWithWhomToAsk() {
        stored(closedKettle(FulfilmentChannel.FBA));
        SlackUserId stranger = new SlackUserId("U0STRANGER");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> service.relist(
                new RelistOffer.RelistOfferCommand(new Actor(stranger, CHANNEL), OfferQuery.parse("HB-KETTLE-02"), "")));
        assertEquals(AccessDeniedException.Reason.NOT_OPERATOR, e.reason());
        assertEquals(java.util.List.of("U0ADMIN"), e.admins(), "whom to ask");
        verify(saveOffer, never()).save(any());
    }

    @Test
    void adminsMayActWithoutTheRole() {
        stored(closedKettle(FulfilmentChannel.FBA));
        service.relist(new RelistOffer.RelistOfferCommand(new Actor(ADMIN, CHANNEL), OfferQuery.parse("HB-KETTLE-02"), ""));
        verify(saveOffer).save(any());
    }

    @Test
    void anUnlinkedChannelIsToldHowToLinkIt() {
        ChannelId other = new ChannelId("C0OTHER");
        ChannelNotLinkedException e = assertThrows(ChannelNotLinkedException.class, () -> service.relist(
                new RelistOffer.RelistOfferCommand(new Actor(ANNA, other), OfferQuery.parse("HB-KETTLE-02"), "")));
        assertEquals("channel-not-linked", e.code());
    }

    @Test
    void domainRefusalsChangeNothing() {
        stored(closedKettle(FulfilmentChannel.FBM));
        assertThrows(RemedyNotAllowedException.class, () -> service.recordRemedy(new RecordRemedy.RecordRemedyCommand(
                new Actor(ANNA, CHANNEL), OfferQuery.parse("HB-KETTLE-02"), Remedy.DISPOSAL_ORDER, "")));
        verify(saveOffer, never()).save(any());
        verify(audit, never()).appendOfferAction(any(), any());
    }

    @Test
    void disputeCommandValidatesItself() {
        Actor anna = new Actor(ANNA, CHANNEL);
        assertThrows(ExplanationRequiredException.class,
                () -> new DisputeClosure.DisputeClosureCommand(anna, OfferQuery.parse("X1"), DisputeReason.OTHER, " "));
        assertThrows(ExplanationRequiredException.class,
                () -> new DisputeClosure.DisputeClosureCommand(anna, OfferQuery.parse("X1"), null, "x"));
    }

    @Test
    void anAsinWithSeveralOffersAsksWhichOne() {
        Offer de = closedKettle(FulfilmentChannel.FBA);
        Offer fr = Offer.discover(new OfferId(ACCOUNT, Marketplace.FR, de.id().sku()), new CxObservation(de.asin(), "Kettle",
                FulfilmentChannel.FBA, CxHealth.GOOD, null, null, null, null, null, false), NOW).after();
        when(findOffers.findByAsin(ACCOUNT, de.asin())).thenReturn(List.of(de, fr));
        AmbiguousOfferException e = assertThrows(AmbiguousOfferException.class, () -> service.relist(
                new RelistOffer.RelistOfferCommand(new Actor(ANNA, CHANNEL), OfferQuery.parse("B08N5WRWNW"), "")));
        assertTrue(e.getMessage().contains("HB-KETTLE-02@DE"), e.getMessage());
        assertEquals(2, e.matches().size());

        when(loadOffer.load(de.id())).thenReturn(Optional.of(de));
        doNothing().when(saveOffer).save(any());
        service.relist(new RelistOffer.RelistOfferCommand(new Actor(ANNA, CHANNEL), OfferQuery.parse("B08N5WRWNW@DE"), ""));
        verify(saveOffer).save(any());
    }
}
