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

    /** Lower case with '_', '-', '/' and runs of spaces folded to one space: for matching labels. */
    public static String fold(String text) {
        String ascii = foldAscii(text);
        return ascii != null ? ascii : foldAny(text);
    }

    /** {@link #fold} of a text of ASCII characters only, in one pass and one copy (labels are parsed in every row); null for any other text. */
    private static String foldAscii(String text) {
        char[] folded = new char[text.length()];
        int length = 0;
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            if (c == '_' || c == '-' || c == '/' || Character.isWhitespace(c)) {
                gap = true;
                continue;
            }
            if (gap && length > 0) {
                folded[length++] = ' ';
            }
            gap = false;
            folded[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(folded, 0, length);
    }

    static String foldAny(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' || c == '-' || c == '/' || Character.isWhitespace(c)) {
                gap = true;
                continue;
            }
            if (gap && folded.length() > 0) {
                folded.append(' ');
            }
            gap = false;
            folded.append(c);
        }
        return folded.toString();
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
