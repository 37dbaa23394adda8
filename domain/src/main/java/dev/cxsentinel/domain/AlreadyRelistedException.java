package dev.cxsentinel.domain;

/** Rule 7: the offer was relisted or disputed already, by someone else or a moment ago. */
public final class AlreadyRelistedException extends DomainException {
    private final ActionRecord previous;

    public AlreadyRelistedException(OfferId offerId, ActionRecord previous) {
        super("already-relisted", "Offer " + offerId.sku() + " (" + offerId.marketplace() + ") was already "
                + (previous.type() == ActionType.DISPUTED ? "disputed" : "relisted") + " by " + previous.actor()
                + " at " + previous.at() + "; it stays pending until a report shows it active.");
        this.previous = previous;
    }

    public ActionRecord previous() {
        return previous;
    }
}
