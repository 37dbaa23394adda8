package dev.cxsentinel.application.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for report values in English and German notation. Each throws {@link IllegalArgumentException} with what it expected. */
final class ValueParsers {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern GERMAN = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern RATE = Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?|[.,]\\d+)\\s*(%?)");
    static final String DATE_FORMS = "a date as 2026-11-20, 20.11.2026 or 11/20/2026";

    private ValueParsers() {
    }

    static LocalDate date(String text) {
        String t = text.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = GERMAN.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = US.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a real calendar date (" + DATE_FORMS + ")");
        }
        throw new IllegalArgumentException(DATE_FORMS);
    }

    /** {@code 4.2%}, {@code 4,2 %} or a fraction {@code 0.042}; returns percent. */
    static double ratePercent(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a rate such as 4.2%, 4,2 % or 0.042");
        }
        double number = Double.parseDouble(m.group(1).replace(',', '.'));
        double percent = m.group(2).isEmpty() ? number * 100 : number;
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a rate from 0 % to 100 % (a number without % is a fraction: 0.042 = 4.2 %)");
        }
        return percent;
    }

    static int count(String text) {
        String t = text.strip();
        if (!t.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("a whole number ≥ 0");
        }
        return Integer.parseInt(t);
    }

    /** {@code Active}/{@code Aktiv} → false, {@code Closed}/{@code Geschlossen} → true. */
    static boolean closedStatus(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "active", "aktiv" -> false;
            case "closed", "geschlossen", "inactive", "inaktiv" -> true;
            default -> throw new IllegalArgumentException("Active, Closed, Aktiv or Geschlossen");
        };
    }
}
