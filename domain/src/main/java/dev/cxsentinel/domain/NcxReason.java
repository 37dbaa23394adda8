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
        if (t.indexOf('%') >= 0) { // a share needs one; most cells have none, and the expression is dear
            Matcher m = SHARE.matcher(t);
            if (m.matches() && !m.group(1).isBlank()) {
                double share = Double.parseDouble(m.group(2).replace(',', '.'));
                if (share <= 100) {
                    return Optional.of(new NcxReason(singleSpaced(m.group(1).strip()), (int) Math.round(share)));
                }
            }
        }
        return Optional.of(new NcxReason(singleSpaced(t), null));
    }

    /** Runs of whitespace as one space; the text itself when it has none to fold (nearly always). */
    static String singleSpaced(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || (i + 1 < text.length() && isRegexSpace(text.charAt(i + 1))))) {
                return WHITESPACE.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** What {@code \s} matches (without the Unicode flag). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
