package dev.cxsentinel.domain;

/** Rule 1: relist and dispute apply only to a closed offer. */
public final class OfferNotClosedException extends DomainException {
    private final OfferId offerId;

    public OfferNotClosedException(OfferId offerId, String action) {
        super("offer-not-closed", "Offer " + offerId.sku() + " (" + offerId.marketplace() + ") is active, not closed: only a closed offer can be " + action + ".");
        this.offerId = offerId;
    }

    public OfferId offerId() {
        return offerId;
    }
}
