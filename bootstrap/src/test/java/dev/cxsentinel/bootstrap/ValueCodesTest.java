package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core names a refused value's field and expectation by code ({@code new InvalidValueException("asin", found,
 * "asin")}, {@code new RowError(…, "known-offer", …)}); the catalogs must word every code in every language, or a
 * user would meet a bare code. The sources are read because the codes are literals.
 */
class ValueCodesTest {
    private static final Pattern INVALID_VALUE = Pattern.compile("new InvalidValueException\\(\"([a-z-]+)\",[^;]*?, \"([a-z-]+)\"");
    private static final Pattern REQUIRE_TEXT = Pattern.compile("requireText\\([^,]+, \"([a-z-]+)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z-]+)\"");
    private static final Pattern ERROR_CALL = Pattern.compile("\\berror\\((?:[^;\"]*?), \"([a-z][a-z-]+)\"");

    @Test
    void everyFieldAndExpectationCodeOfTheCoreIsWordedInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String module : List.of("domain", "application", "bootstrap")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    keys.addAll(keysIn(Files.readString(file)));
                }
            }
        }
        assertTrue(keys.size() > 60, "the scan finds the codes: " + keys);
        List<String> missing = new ArrayList<>();
        for (Language l : Language.values()) {
            keys.stream().filter(k -> !Messages.has(l, k)).forEach(k -> missing.add(l + " " + k));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theScanFindsCodesInTheFormsTheCoreWritesThem() {
        assertEquals(Set.of("field.asin", "expected.asin"), keysIn("throw new InvalidValueException(\"asin\", value, \"asin\");"));
        assertEquals(Set.of("field.total-orders", "expected.at-least-ncx-orders"),
                keysIn("throw new InvalidValueException(\"total-orders\", totalOrders.toString(), \"at-least-ncx-orders\", ncxOrders);"));
        assertEquals(Set.of("expected.known-offer"), keysIn("rejectRow(file, 1, new RowError(name, 2, \"sku\", f(x, y), \"known-offer\", a, b));"));
        assertEquals(Set.of("expected.offer-once", "expected.offer-once-other-file"),
                keysIn("new RowError(n, 1, \"sku\", s, same ? \"offer-once\" : \"offer-once-other-file\", m)"));
        assertEquals(Set.of("expected.max-columns"), keysIn("throw error(start, \"max-columns\", MAX_FIELDS);"));
    }

    @Test
    void aProblemInAReportReadsInTheChannelsLanguage() {
        RowError e = new RowError("offers.csv", 3, "asin", "b07", "asin");
        assertEquals("offers.csv:3: column 'asin': found 'b07': expected 10 upper-case letters or digits, like B07XJ8C8F5",
                Messages.problem(e, Language.EN));
        assertEquals("offers.csv:3: Spalte 'asin': gefunden 'b07': erwartet: 10 Großbuchstaben oder Ziffern, etwa B07XJ8C8F5",
                Messages.problem(e, Language.DE));
        assertEquals("jedes Angebot einmal pro Import: DE SKU-1 steht schon in Zeile 2",
                Messages.expected(new RowError("a.csv", 4, "sku", "SKU-1", "offer-once", "DE", "SKU-1", 2L).expected(), Language.DE));
    }

    /** The top-level arguments of a call whose argument list starts at {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                args.add(current.toString().strip());
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    static Set<String> keysIn(String source) {
        Set<String> keys = new TreeSet<>();
        Matcher m = INVALID_VALUE.matcher(source);
        while (m.find()) {
            keys.add("field." + m.group(1));
            keys.add("expected." + m.group(2));
        }
        m = REQUIRE_TEXT.matcher(source);
        while (m.find()) {
            keys.add("field." + m.group(1));
        }
        for (int at = source.indexOf("new RowError("); at >= 0; at = source.indexOf("new RowError(", at + 1)) {
            List<String> args = arguments(source, at + "new RowError(".length());
            if (args.size() > 4) {
                Matcher code = LITERAL.matcher(args.get(4));
                while (code.find()) {
                    keys.add("expected." + code.group(1));
                }
            }
        }
        m = ERROR_CALL.matcher(source);
        while (m.find()) {
            keys.add("expected." + m.group(1));
        }
        return keys;
    }
}
