package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.port.in.OfferQuery;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SlackUserId;

/** What a button or select acts on: the channel (which decides the account) and the offer, plus a choice. */
record ActionTarget(ChannelId channel, OfferId offer, String choice) {

    static ActionTarget parse(String value, boolean withChoice) {
        if (value == null) {
            throw new IllegalArgumentException("no action value");
        }
        int bar = value.indexOf('|');
        String rest = value.substring(bar + 1);
        String choice = null;
        if (withChoice) {
            int last = rest.lastIndexOf('|');
            choice = rest.substring(last + 1);
            rest = rest.substring(0, last);
        }
        return new ActionTarget(new ChannelId(value.substring(0, bar)), OfferId.parse(rest), choice);
    }

    Actor actor(String user) {
        return new Actor(new SlackUserId(user), channel);
    }

    OfferQuery query() {
        return OfferQuery.of(offer);
    }
}
