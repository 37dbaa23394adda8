package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Top NCX reason" of an offer as Voice of the Customer shows it: Amazon's reason text and, where given, its
 * share of the NCX orders ({@code Too small⏎80%}, {@code Zu klein (80 %)}).
 */
public record NcxReason(String text, Integer sharePercent) {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHARE = Pattern.compile("^(.*?)[\\s(:\\-–]*(\\d{1,3}(?:[.,]\\d+)?)\\s*%\\s*\\)?\\s*$", Pattern.DOTALL);

    public NcxReason {
        Text.requireText(text, "top-reason");
        text = text.strip();
        if (sharePercent != null && (sharePercent < 0 || sharePercent > 100)) {
            throw new InvalidValueException("top-reason-share", sharePercent + " %", "percent-range");
        }
    }

    /** Reads the cell as the dashboard shows it: the reason, then optionally its share on the next line or in brackets. */
    public static Optional<NcxReason> parse(String cell) {
        if (cell == null || cell.isBlank() || cell.strip().equals("--") || cell.strip().equals("-")) {
            return Optional.empty();
        }
        String t = cell.strip();
        Matcher m = SHARE.matcher(t);
        if (m.matches() && !m.group(1).isBlank()) {
            double share = Double.parseDouble(m.group(2).replace(',', '.'));
            if (share <= 100) {
                return Optional.of(new NcxReason(WHITESPACE.matcher(m.group(1).strip()).replaceAll(" "), (int) Math.round(share)));
            }
        }
        return Optional.of(new NcxReason(WHITESPACE.matcher(t).replaceAll(" "), null));
    }

    /** The comment category this reason stands for; OTHER when it names none. */
    public CommentCategory category() {
        return CommentCategory.fromLabel(text).orElseGet(() -> CommentCategory.classify(text));
    }

    @Override
    public String toString() {
        return sharePercent == null ? text : String.format(Locale.ROOT, "%s (%d %%)", text, sharePercent);
    }
}
