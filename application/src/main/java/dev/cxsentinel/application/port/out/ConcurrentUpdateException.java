package dev.cxsentinel.application.port.out;

import dev.cxsentinel.domain.OfferId;

/** The offer changed since it was loaded (its version did not match): another writer won. */
public final class ConcurrentUpdateException extends RuntimeException {
    private final OfferId offerId;

    public ConcurrentUpdateException(OfferId offerId) {
        super("offer " + offerId + " was changed by someone else");
        this.offerId = offerId;
    }

    public OfferId offerId() {
        return offerId;
    }
}
