package dev.cxsentinel.application.model;

/** The database did not answer in time. Nothing was changed; the same request can simply be tried again. */
public final class StoreUnavailableException extends ApplicationException {
    public StoreUnavailableException(Throwable cause) {
        super("store-unavailable", "The database does not answer (unreachable or too slow); what was asked is not confirmed.", cause);
    }
}
