package dev.cxsentinel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The "Top NCX reason" cell as the dashboard shows it, and the short cuts that keep its parse cheap. */
class NcxReasonTest {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHARE = Pattern.compile("^(.*?)[\\s(:\\-–]*(\\d{1,3}(?:[.,]\\d+)?)\\s*%\\s*\\)?\\s*$", Pattern.DOTALL);

    /** The parse by its definition: always through both expressions (as before the short cuts). */
    private static Optional<NcxReason> byDefinition(String cell) {
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

    @Test
    void theReasonAndItsShareAsSellerCentralWritesThem() {
        assertEquals(new NcxReason("Too small", 80), NcxReason.parse("Too small\n80%").orElseThrow());
        assertEquals(new NcxReason("Zu klein", 80), NcxReason.parse("Zu klein (80 %)").orElseThrow());
        assertEquals(new NcxReason("Not as described", 33), NcxReason.parse("Not as described: 33,4 %").orElseThrow());
        assertEquals(new NcxReason("Damaged in transit", null), NcxReason.parse(" Damaged \t in\ntransit ").orElseThrow());
        assertEquals(new NcxReason("Size 250% too big", null), NcxReason.parse("Size 250% too big").orElseThrow());
        assertEquals(Optional.empty(), NcxReason.parse(" -- "));
    }

    @Test
    void randomCellsParseAsTheDefinitionSays() {
        Random random = new Random(11);
        String alphabet = "ab Z (),:-–%5.1\t\n0  ";
        for (int i = 0; i < 30_000; i++) {
            String text = Fixtures.randomText(random, alphabet, 13);
            assertEquals(outcome(() -> byDefinition(text)), outcome(() -> NcxReason.parse(text)), "cell '" + text + "'");
        }
    }

    @Test
    void singleSpacedIsTheWhitespaceFoldWithoutCopying() {
        for (String text : List.of("Too small", "Too  small", "a\tb", "a \nb", "a b c", " a", "a ", "", "\r")) {
            assertEquals(WHITESPACE.matcher(text).replaceAll(" "), NcxReason.singleSpaced(text), "'" + text + "'");
        }
        String plain = "Too small";
        assertEquals(true, NcxReason.singleSpaced(plain) == plain, "a text with nothing to fold is not copied");
    }

    private static String outcome(java.util.function.Supplier<Optional<NcxReason>> parse) {
        try {
            return String.valueOf(parse.get());
        } catch (InvalidValueException e) {
            return "refused: " + e.expected().code();
        }
    }
}
