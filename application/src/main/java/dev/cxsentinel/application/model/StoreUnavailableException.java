package dev.cxsentinel.application.model;

/** The database did not answer in time. Nothing was changed; the same request can simply be tried again. */
public final class StoreUnavailableException extends ApplicationException {
    public StoreUnavailableException(Throwable cause) {
        super("store-unavailable", "The database is unreachable right now; nothing was changed. Try again in a moment.", cause);
    }
}
