package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amazon's "Frequently returned item" badge on the detail page, as the Voice of the Customer column "Return Badge
 * Displayed" reports it: shown, at risk of being shown, or not.
 */
public enum ReturnBadge {
    DISPLAYED, AT_RISK, NOT_DISPLAYED;

    private static final Pattern DASHES = Pattern.compile("[-–—]+");

    /** {@code Yes}/{@code Ja}, {@code At risk}/{@code Gefährdet}, {@code No}/{@code Nein}/{@code --}; empty for an empty cell. */
    public static Optional<ReturnBadge> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (DASHES.matcher(text.strip()).matches()) {
            return Optional.of(NOT_DISPLAYED);
        }
        String t = Text.fold(text).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "yes", "ja", "displayed", "angezeigt", "true" -> Optional.of(DISPLAYED);
            case "at risk", "risk", "gefährdet", "gefaehrdet", "risiko" -> Optional.of(AT_RISK);
            case "no", "nein", "not displayed", "nicht angezeigt", "false", "n a" -> Optional.of(NOT_DISPLAYED);
            default -> throw new InvalidValueException("return-badge", text, "return-badge");
        };
    }
}
