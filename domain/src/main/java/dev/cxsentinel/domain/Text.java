package dev.cxsentinel.domain;

import java.util.Locale;

/** Small text helpers shared by the value types. */
public final class Text {
    private Text() {
    }

    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Lower case with '_', '-', '/' and runs of spaces folded to one space: for matching labels. */
    public static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[_\\-/\\s]+", " ");
    }

    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, String.valueOf(value), "a non-empty value");
        }
        return value;
    }
}
