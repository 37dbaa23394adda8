package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.InvalidValueException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for report values as people and Seller Central write them, in English and German notation. Each throws
 * {@link IllegalArgumentException} with what it expected.
 */
final class ValueParsers {
    /** A time of day (and zone) after a date is read past: the snapshot is a day. */
    private static final String TIME = "(?:[T ,]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[AP]M)?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,5}|UTC[+-]?\\d*)?)?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern GERMAN = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHED = Pattern.compile("(\\d{1,2})-([A-Za-zäÄ]{3,9})-(\\d{4}|\\d{2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile("(?:([A-Za-zäÄ]{3,9})\\.? (\\d{1,2}),? (\\d{4}))|(?:(\\d{1,2})\\.? ([A-Za-zäÄ]{3,9})\\.? (\\d{4}))");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("dez", 12));
    private static final Pattern ACTION_REQUIRED = Pattern.compile(
            "(?i)\\s*(action required|maßnahme erforderlich|massnahme erforderlich|aktion erforderlich|handlungsbedarf|handlung erforderlich)\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}|\\d{1,3}(?:([.,\\u00A0\\u202F ])\\d{3})+");

    private ValueParsers() {
    }

    /**
     * A cell that says "no value": empty, {@code --}, {@code N/A}, {@code Not available}, {@code Nicht verfügbar}.
     * Runs for every cell of every row (twice per import): a cell that starts with anything those cannot start with
     * is answered without copying it.
     */
    static boolean isNoValue(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return true;
        }
        char first = text.charAt(start);
        char lower = Character.toLowerCase(first);
        if (lower != 'n' && lower != 'k' && first != '-' && first != '\u2013' && first != '\u2014') {
            return false;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || isDashes(t) || t.equals("n/a") || t.equals("na") || t.equals("not available")
                || t.equals("nicht verfügbar") || t.equals("keine angabe") || t.equals("k. a.") || t.equals("k.a.");
    }

    /** Only hyphens and dashes (a cell Seller Central leaves "empty"); a loop, as this runs for every cell. */
    static boolean isDashes(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '\u2013' && c != '\u2014') {
                return false;
            }
        }
        return true;
    }

    /** A closed date cell: a date, optionally with "Action required" (German: "Maßnahme erforderlich") around it. */
    record ClosedDate(LocalDate date, boolean actionRequired) { }

    static ClosedDate closedDate(String text) {
        Matcher m = ACTION_REQUIRED.matcher(text);
        boolean action = m.find();
        String rest = ACTION_REQUIRED.matcher(text).replaceAll(" ").strip();
        if (rest.isEmpty()) {
            if (action) {
                return new ClosedDate(null, true);
            }
            throw new InvalidValueException("date", text, "date-form");
        }
        return new ClosedDate(date(rest), action);
    }

    static LocalDate date(String text) {
        try {
            LocalDate plain = plainDate(text.strip());
            return plain != null ? plain : dateByPatterns(text);
        } catch (DateTimeException e) {
            throw new InvalidValueException("date", text, "calendar-date");
        }
    }

    /**
     * The forms nearly every file has — {@code 2026-11-20}, {@code 20.11.2026}, {@code 11/20/2026}, digits only —
     * read without a regular expression (a date is in every row, and the expressions cost most of a cold parse);
     * null for anything else, which {@link #dateByPatterns} reads. Gives exactly what the patterns give
     * ({@code ValueParsersTest} compares the two on every shape).
     */
    static LocalDate plainDate(String t) {
        if (t.length() < 6 || t.length() > 10) {
            return null;
        }
        int[] number = new int[3];
        int[] digits = new int[3];
        char[] separator = new char[2];
        int part = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                number[part] = number[part] * 10 + (c - '0');
                digits[part]++;
            } else if (part < 2 && digits[part] > 0) {
                separator[part++] = c;
            } else {
                return null;
            }
        }
        if (part != 2 || digits[2] == 0) {
            return null;
        }
        boolean dayAndMonth = digits[0] <= 2 && digits[1] <= 2;
        boolean twoOrFourDigitYear = digits[2] == 4 || digits[2] == 2;
        if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2 && isIsoSeparator(separator[0]) && isIsoSeparator(separator[1])) {
            return LocalDate.of(number[0], number[1], number[2]);
        }
        int fullYear = digits[2] == 2 ? 2000 + number[2] : number[2];
        if (dayAndMonth && twoOrFourDigitYear && separator[0] == '.' && separator[1] == '.') {
            return LocalDate.of(fullYear, number[1], number[0]);
        }
        if (dayAndMonth && twoOrFourDigitYear && separator[0] == '/' && separator[1] == '/') {
            return number[0] > 12 ? LocalDate.of(fullYear, number[1], number[0]) : LocalDate.of(fullYear, number[0], number[1]);
        }
        return null;
    }

    private static boolean isIsoSeparator(char c) {
        return c == '-' || c == '/';
    }

    /** Every form {@link #date} reads, by regular expressions; throws {@link DateTimeException} for a date the calendar lacks. */
    static LocalDate dateByPatterns(String text) {
        String t = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        Matcher m = ISO.matcher(t);
        if (m.matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = GERMAN.matcher(t);
        if (m.matches()) {
            return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = US.matcher(t);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            // 11/20/2026 is American; 20/11/2026 can only be day first (British Seller Central)
            return first > 12 ? LocalDate.of(year(m.group(3)), second, first) : LocalDate.of(year(m.group(3)), first, second);
        }
        m = DASHED.matcher(t);
        if (m.matches() && MONTHS.containsKey(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT))) {
            return LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(1)));
        }
        m = NAMED.matcher(t);
        if (m.matches()) {
            boolean monthFirst = m.group(1) != null;
            Integer month = MONTHS.get((monthFirst ? m.group(1) : m.group(5)).substring(0, 3).toLowerCase(Locale.ROOT));
            if (month != null) {
                return LocalDate.of(Integer.parseInt(monthFirst ? m.group(3) : m.group(6)), month,
                        Integer.parseInt(monthFirst ? m.group(2) : m.group(4)));
            }
        }
        throw new InvalidValueException("date", text, "date-form");
    }

    private static int year(String text) {
        int y = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + y : y;
    }

    /** A rate as written: with a percent sign ({@code 4,2 %}, {@code 16.67%}) it is a percentage, without one it is ambiguous. */
    record Rate(double number, boolean percentSign) {
        double asPercent() {
            return number;
        }

        double asFraction() {
            return number * 100;
        }
    }

    static Rate rate(String text) {
        String t = text.strip().replace('\u00A0', ' ').replace('\u202F', ' ');
        boolean percent = t.endsWith("%");
        String number = (percent ? t.substring(0, t.length() - 1) : t).strip();
        if (!isRateNumber(number)) {
            throw new InvalidValueException("ncx-rate", text, "rate-form");
        }
        double value = Double.parseDouble(number.replace(',', '.'));
        if (value < 0 || value > 100) {
            throw new InvalidValueException("ncx-rate", text, "percent-range");
        }
        return new Rate(value, percent);
    }

    /** Up to three digits with an optional decimal part ({@code 4}, {@code 16.67}, {@code 4,2}, {@code ,5}): {@code \d{1,3}(?:[.,]\d+)?|[.,]\d+}. */
    static boolean isRateNumber(String number) {
        int digits = 0;
        while (digits < number.length() && isDigit(number.charAt(digits))) {
            digits++;
        }
        if (digits > 3) {
            return false;
        }
        if (digits == number.length()) {
            return digits > 0;
        }
        char point = number.charAt(digits);
        if ((point != '.' && point != ',') || digits + 1 == number.length()) {
            return false;
        }
        for (int i = digits + 1; i < number.length(); i++) {
            if (!isDigit(number.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A whole number ≥ 0; thousands separators ({@code 1.923}, {@code 1,923}, {@code 1 923}) are read as such. */
    static int count(String text) {
        String t = text.strip();
        if (t.length() <= 9 && isDigits(t)) {
            return Integer.parseInt(t);
        }
        Matcher m = COUNT.matcher(t);
        if (!m.matches()) {
            throw new InvalidValueException("count", text, "whole-number");
        }
        StringBuilder digits = new StringBuilder(t.length());
        t.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return Integer.parseInt(digits.toString());
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    /** {@code Active}/{@code Aktiv} → false, {@code Closed}/{@code Geschlossen} → true. */
    static boolean closedStatus(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "active", "aktiv" -> false;
            case "closed", "geschlossen", "inactive", "inaktiv", "suppressed", "unterdrückt" -> true;
            default -> throw new InvalidValueException("status", text, "offer-status");
        };
    }
}
