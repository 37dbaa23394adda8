package dev.cxsentinel.domain;

/** Rule 1: a dispute needs a reason, and the reason "other" needs an explanation. */
public final class ExplanationRequiredException extends DomainException {
    public ExplanationRequiredException(String message) {
        super("explanation-required", message);
    }
}
