package dev.cxsentinel.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status der Kundenerfahrung. The rated levels are ordered from best to worst; a move down is a degradation.
 * {@link #INSUFFICIENT_FEEDBACK} is not a rating and so neither better nor worse than any level.
 */
public enum CxHealth {
    EXCELLENT(0, "Excellent", "Ausgezeichnet"),
    GOOD(1, "Good", "Gut"),
    FAIR(2, "Fair", "Akzeptabel"),
    POOR(3, "Poor", "Schlecht"),
    VERY_POOR(4, "Very poor", "Sehr schlecht"),
    INSUFFICIENT_FEEDBACK(-1, "Insufficient feedback", "Unzureichendes Feedback");

    private final int severity;
    private final String english;
    private final String german;

    private static final Map<String, CxHealth> BY_LABEL = Text.foldedLabels(values(), v -> List.of(v.name(), v.english, v.german));

    CxHealth(int severity, String english, String german) {
        this.severity = severity;
        this.english = english;
        this.german = german;
    }

    public boolean isRated() {
        return severity >= 0;
    }

    public boolean isWorseThan(CxHealth other) {
        return isRated() && other.isRated() && severity > other.severity;
    }

    /** POOR and VERY_POOR: the levels at which Amazon may close the offer. */
    public boolean isAtRisk() {
        return this == POOR || this == VERY_POOR;
    }



    public static Optional<CxHealth> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LABEL.get(Text.fold(text)));
    }

    public static CxHealth parse(String text) {
        return fromLabel(text).orElseThrow(() -> new InvalidValueException("cx-health", String.valueOf(text), "cx-health"));
    }
}
