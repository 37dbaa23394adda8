package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.InvalidValueException;
import java.util.Locale;

/** Which offers {@code /cx list} shows. {@link #ALL} is every offer that needs attention. */
public enum AttentionFilter {
    ALL, POOR, VERY_POOR, CLOSED, PENDING;

    public static AttentionFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "poor" -> POOR;
            case "very-poor", "very_poor", "verypoor" -> VERY_POOR;
            case "closed" -> CLOSED;
            case "pending" -> PENDING;
            case "all" -> ALL;
            default -> throw new InvalidValueException("list-filter", text, "list-filter");
        };
    }
}
