package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.ShowHome;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a user's App Home shows: one section per account the user may act for (through its first linked channel). */
@Singleton
public class HomeService implements ShowHome {
    private static final int SHOWN = 10;

    private final AccessService access;
    private final ChannelLinks links;
    private final FindOffers findOffers;

    @Inject
    public HomeService(AccessService access, ChannelLinks links, FindOffers findOffers) {
        this.access = access;
        this.links = links;
        this.findOffers = findOffers;
    }

    @Override
    public List<ListOffers.OfferList> home(SlackUserId user) {
        List<ListOffers.OfferList> result = new ArrayList<>();
        Set<SellerAccountId> seen = new HashSet<>();
        for (ChannelLink link : links.findAll()) {
            if (!seen.add(link.account())) {
                continue;
            }
            try {
                access.requireOperator(new Actor(user, link.channel()), link.account());
            } catch (AccessDeniedException notForThisUser) {
                continue;
            }
            result.add(new ListOffers.OfferList(link, AttentionFilter.ALL,
                    findOffers.findNeedingAttention(link.account(), AttentionFilter.ALL, 1, SHOWN)));
        }
        return result;
    }
}
