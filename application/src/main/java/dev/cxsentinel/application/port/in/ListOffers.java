package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Offer;
import java.util.Objects;

/** The offers that need attention, a page at a time. */
public interface ListOffers {
    int PAGE_SIZE = 10;

    record ListOffersCommand(Actor actor, AttentionFilter filter, int page) {
        public ListOffersCommand {
            Objects.requireNonNull(actor, "actor");
            filter = filter == null ? AttentionFilter.ALL : filter;
            if (page < 1 || page > 100_000) {
                throw new InvalidValueException("page", String.valueOf(page), "page");
            }
        }
    }

    record OfferList(ChannelLink link, AttentionFilter filter, Page<Offer> page) { }

    OfferList list(ListOffersCommand command);
}
