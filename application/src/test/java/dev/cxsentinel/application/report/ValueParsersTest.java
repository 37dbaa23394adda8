package dev.cxsentinel.application.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cxsentinel.domain.InvalidValueException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cell parsers' fast paths give exactly what the general ones give: dates read without regular expressions
 * against the same dates read by the patterns, on every shape the two could disagree on and on random cells;
 * "no value" against its plain definition.
 */
class ValueParsersTest {
    private static final String[] PARTS = {"", "0", "1", "01", "12", "13", "29", "31", "32", "001", "26", "2026", "0026", "20261"};
    private static final String[] SEPARATORS = {"-", "/", ".", " ", ":", "--"};
    private static final String[] SUFFIXES = {"", " 10:15", "T10:15:00Z", " 9:05 PM", " ", "Z"};

    /** Up to {@code maxLength} characters drawn from {@code alphabet}. */
    static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** What a parse gives, as text: the value or the expectation code it refused with. */
    private static String outcome(Supplier<Object> parse) {
        try {
            return String.valueOf(parse.get());
        } catch (InvalidValueException e) {
            return "refused: " + e.expected().code();
        }
    }

    private static String byPatterns(String cell) {
        return outcome(() -> {
            try {
                return ValueParsers.dateByPatterns(cell);
            } catch (DateTimeException e) {
                throw new InvalidValueException("date", cell, "calendar-date");
            }
        });
    }

    @Test
    void theCommonDateFormsAreReadWithoutPatterns() {
        assertEquals(LocalDate.of(2026, 11, 20), ValueParsers.plainDate("2026-11-20"));
        assertEquals(LocalDate.of(2026, 11, 20), ValueParsers.plainDate("20.11.2026"));
        assertEquals(LocalDate.of(2026, 11, 20), ValueParsers.plainDate("11/20/2026"));
        assertEquals(LocalDate.of(2026, 11, 20), ValueParsers.plainDate("20/11/26"), "day first when the first number is no month");
        assertNull(ValueParsers.plainDate("Nov 20, 2026"), "other forms are left to the patterns");
        assertNull(ValueParsers.plainDate("2026-11-20 10:15"));
    }

    @Test
    void everyDateShapeReadsAsThePatternsReadIt() {
        List<String> cells = new ArrayList<>();
        for (String a : PARTS) {
            for (String s1 : SEPARATORS) {
                for (String b : PARTS) {
                    for (String s2 : new String[] {"-", "/", ".", " "}) {
                        for (String c : new String[] {"", "1", "26", "2026", "123"}) {
                            cells.add(a + s1 + b + s2 + c);
                        }
                    }
                }
            }
        }
        List<String> grid = List.copyOf(cells);
        for (int i = 0; i < grid.size(); i += 7) {
            for (String suffix : SUFFIXES) {
                cells.add(" " + grid.get(i) + suffix);
            }
        }
        cells.addAll(List.of("2026-02-29", "2028-02-29", "31.04.2026", "4/31/2026", "13/13/2026", "20-Nov-2026", "Nov 20, 2026",
                "20. November 2026", "2026/11/20", "2026.11.20", "11/20/2026 Action required"));
        for (String cell : cells) {
            assertEquals(byPatterns(cell), outcome(() -> ValueParsers.date(cell)), "cell '" + cell + "'");
        }
    }

    @Test
    void randomCellsReadAsThePatternsReadThem() {
        Random random = new Random(20261127);
        String alphabet = "0123456789//--..  :TAPMZ,x";
        for (int i = 0; i < 30_000; i++) {
            String text = randomText(random, alphabet, 12);
            assertEquals(byPatterns(text), outcome(() -> ValueParsers.date(text)), "cell '" + text + "'");
        }
    }

    /** The definition, as it was before the fast path: the stripped lower-case cell is one of the words or only dashes. */
    private static boolean noValueByDefinition(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || ValueParsers.isDashes(t) || List.of("n/a", "na", "not available", "nicht verfügbar", "keine angabe",
                "k. a.", "k.a.").contains(t);
    }

    @Test
    void noValueIsWhatItAlwaysWas() {
        List<String> cells = new ArrayList<>(List.of("", " ", "\t", "--", " – ", "—", "-x", "N/A", " n/a ", "NA", "Na", "Not available",
                "NICHT VERFÜGBAR", "Keine Angabe", "k. A.", "K.A.", "\u212A.a.", "Nein", "0", "12", "Good", "kaputt", "\u00A0--", "n", "k"));
        Random random = new Random(7);
        String alphabet = "nNkKaA/. -–—\u212Ax0";
        for (int i = 0; i < 50_000; i++) {
            cells.add(randomText(random, alphabet, 5));
        }
        for (String cell : cells) {
            assertEquals(noValueByDefinition(cell), ValueParsers.isNoValue(cell), "cell '" + cell + "'");
        }
    }

    @Test
    void aRateNumberIsWhatItsPatternSays() {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("\\d{1,3}(?:[.,]\\d+)?|[.,]\\d+");
        Random random = new Random(3);
        String alphabet = "0123456789.,- %";
        for (int i = 0; i < 30_000; i++) {
            String text = randomText(random, alphabet, 7);
            assertEquals(number.matcher(text).matches(), ValueParsers.isRateNumber(text), "'" + text + "'");
        }
    }

    @Test
    void countsWithAndWithoutThousandsSeparators() {
        assertEquals(0, ValueParsers.count("0"));
        assertEquals(42, ValueParsers.count(" 42 "));
        assertEquals(123456789, ValueParsers.count("123456789"));
        assertEquals(7, ValueParsers.count("007"));
        assertEquals(1923, ValueParsers.count("1.923"));
        assertEquals(1923, ValueParsers.count("1\u00A0923"));
        assertEquals(1234567, ValueParsers.count("1,234,567"));
        for (String refused : new String[] {"", "1234567890", "-1", "1.5", "12,34", "x"}) {
            assertEquals("refused: whole-number", outcome(() -> ValueParsers.count(refused)), "'" + refused + "'");
        }
    }
}
