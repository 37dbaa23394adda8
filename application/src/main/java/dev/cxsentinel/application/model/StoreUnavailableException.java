package dev.cxsentinel.application.model;

/**
 * The database did not answer in time, or cannot write because its disk is full. What was asked is not confirmed;
 * the same request can be tried again once it answers (or has space).
 */
public final class StoreUnavailableException extends ApplicationException {
    private final boolean diskFull;

    public StoreUnavailableException(Throwable cause) {
        this(cause, false);
    }

    private StoreUnavailableException(Throwable cause, boolean diskFull) {
        super(diskFull ? "store-full" : "store-unavailable", diskFull
                ? "The database cannot write: its disk is full."
                : "The database does not answer (unreachable or too slow); what was asked is not confirmed.", cause);
        this.diskFull = diskFull;
    }

    /** A write failed because the disk holding the database has no space left. */
    public static StoreUnavailableException diskFull(Throwable cause) {
        return new StoreUnavailableException(cause, true);
    }

    public boolean diskFull() {
        return diskFull;
    }
}
