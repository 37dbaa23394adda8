package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.domain.Offer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Reading: one offer in full, or the list of offers that need attention. Anyone in a linked channel may read. */
@Singleton
public class OfferQueryService implements ShowOffer, ListOffers {
    private final AccessService access;
    private final OfferLocator locator;
    private final FindOffers findOffers;
    private final NotificationOutbox outbox;
    private final DigestOutbox digests;

    @Inject
    public OfferQueryService(AccessService access, OfferLocator locator, FindOffers findOffers, NotificationOutbox outbox,
                             DigestOutbox digests) {
        this.digests = digests;
        this.access = access;
        this.locator = locator;
        this.findOffers = findOffers;
        this.outbox = outbox;
    }

    @Override
    public OfferView show(ShowOfferCommand command) {
        ChannelLink link = access.requireLink(command.actor());
        Offer offer = locator.locate(link.account(), command.offer());
        List<Notification> failed = outbox.notificationsOf(offer.id()).stream()
                .filter(n -> n.state() == Notification.State.FAILED)
                .toList();
        return new OfferView(offer, offer.advice(), failed, digests.failedMentioning(offer.id()), link);
    }

    @Override
    public OfferList list(ListOffersCommand command) {
        ChannelLink link = access.requireLink(command.actor());
        return new OfferList(link, command.filter(),
                findOffers.findNeedingAttention(link.account(), command.filter(), command.page(), PAGE_SIZE));
    }
}
