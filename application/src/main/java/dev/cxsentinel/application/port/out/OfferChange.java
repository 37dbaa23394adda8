package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.Offer;
import java.util.List;
import java.util.Objects;

/**
 * One atomic write: the offer as it is now, the version it was loaded at ({@code isNew} when there was none),
 * and the notifications the change owes. The store writes all of it in one document or nothing.
 */
public record OfferChange(Offer offer, boolean isNew, List<Notification> owed) {
    public OfferChange {
        Objects.requireNonNull(offer, "offer");
        owed = List.copyOf(owed);
    }

    public long expectedVersion() {
        return offer.version();
    }
}
