package dev.cxsentinel.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * Lower case with '_', '-', '/' and runs of spaces folded to one space: for matching labels. Labels are parsed in
     * every row, so ASCII text (nearly every cell) is lower-cased character by character as it is folded; other text
     * is lower-cased whole first, as {@link String#toLowerCase} does it.
     */
    public static String fold(String text) {
        String source = isAscii(text) ? text : text.strip().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(source.length());
        boolean gap = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '_' || c == '-' || c == '/' || Character.isWhitespace(c)) {
                gap = true;
                continue;
            }
            if (gap && folded.length() > 0) {
                folded.append(' ');
            }
            gap = false;
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** A lookup from the folded form of each label to its value, for parsing labels in any spelling. */
    static <E> Map<String, E> foldedLabels(E[] values, Function<E, List<String>> labels) {
        Map<String, E> byLabel = new HashMap<>();
        for (E value : values) {
            labels.apply(value).forEach(label -> byLabel.putIfAbsent(fold(label), value));
        }
        return Map.copyOf(byLabel);
    }

    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, String.valueOf(value), "non-empty");
        }
        return value;
    }
}
