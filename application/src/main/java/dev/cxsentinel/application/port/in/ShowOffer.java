package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.Advice;
import dev.cxsentinel.domain.Offer;
import java.util.List;
import java.util.Objects;

/** Everything about one offer: CX data, comments, advice, history, and notifications that could not be delivered. */
public interface ShowOffer {
    record ShowOfferCommand(Actor actor, OfferQuery offer) {
        public ShowOfferCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
        }
    }

    /** {@code failedDigests}: digests naming the offer that Slack refused for good. */
    record OfferView(Offer offer, List<Advice> advice, List<Notification> failedNotifications, List<Digest> failedDigests,
                     ChannelLink link) { }

    OfferView show(ShowOfferCommand command);
}
