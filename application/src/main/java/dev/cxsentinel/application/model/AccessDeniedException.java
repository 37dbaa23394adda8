package dev.cxsentinel.application.model;

/** The user may not do this; the message says which role is needed and whom to ask. */
public final class AccessDeniedException extends ApplicationException {
    public AccessDeniedException(String message) {
        super("access-denied", message);
    }
}
