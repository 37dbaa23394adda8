package dev.cxsentinel.domain;

/** Rule 1: a dispute needs a reason, and the reason "other" needs an explanation. */
public final class ExplanationRequiredException extends DomainException {
    /** What is missing. */
    public enum Missing { REASON, NOTE }

    private final Missing missing;

    public ExplanationRequiredException(Missing missing) {
        super("explanation-required", missing == Missing.REASON
                ? "A dispute needs a reason: delivery, misunderstanding, fraud or other."
                : "A dispute with the reason \"other\" needs an explanation: say why the closure is inaccurate.");
        this.missing = missing;
    }

    public Missing missing() {
        return missing;
    }
}
