package dev.cxsentinel.domain;

/** Rule 2: removal and disposal orders exist only for FBA offers. */
public final class RemedyNotAllowedException extends DomainException {
    private final Remedy remedy;
    private final OfferId offerId;

    public RemedyNotAllowedException(OfferId offerId, Remedy remedy) {
        super("remedy-not-allowed", "A " + remedy.keyword() + " order applies only to stock at Amazon (FBA); offer "
                + offerId.sku() + " (" + offerId.marketplace() + ") is fulfilled by the merchant (FBM).");
        this.remedy = remedy;
        this.offerId = offerId;
    }

    public OfferId offerId() {
        return offerId;
    }

    public Remedy remedy() {
        return remedy;
    }
}
