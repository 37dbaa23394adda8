package dev.cxsentinel.domain;

/** A snooze must end in the future and within {@link Offer#MAX_SNOOZE}. */
public final class InvalidSnoozeException extends DomainException {
    /** What is wrong with the requested end. */
    public enum Problem { IN_THE_PAST, TOO_LONG }

    private final Problem problem;

    public InvalidSnoozeException(Problem problem) {
        super("invalid-snooze", problem == Problem.IN_THE_PAST ? "A snooze must end in the future."
                : "A snooze lasts at most 30 days; choose a shorter duration such as 1w.");
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
