package dev.cxsentinel.domain;

/** A snooze must end in the future and within {@link Offer#MAX_SNOOZE}. */
public final class InvalidSnoozeException extends DomainException {
    public InvalidSnoozeException(String message) {
        super("invalid-snooze", message);
    }
}
