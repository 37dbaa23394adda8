package dev.cxsentinel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folding labels for matching: the character-by-character lower-casing of ASCII text gives what the definition gives. */
class TextTest {
    @Test
    void labelsFoldToLowerCaseWithOneSpaceForEachRunOfSeparators() {
        assertEquals("very poor", Text.fold("  Very_Poor "));
        assertEquals("versand durch verkäufer", Text.fold("Versand durch Verkäufer"));
        assertEquals("fulfilled by amazon", Text.fold("Fulfilled-by/Amazon"));
        assertEquals("", Text.fold(" \t "));
    }

    @Test
    void randomTextsFoldAsTheGeneralFormFoldsThem() {
        Random random = new Random(5);
        String alphabet = "aZq _-/\t\n\u001C0.ÄßİΣ\u00A0\u2003";
        for (int i = 0; i < 50_000; i++) {
            String t = Fixtures.randomText(random, alphabet, 9);
            assertEquals(foldByDefinition(t), Text.fold(t), "'" + t + "'");
        }
    }

    /** The fold as first written: the whole text stripped and lower-cased, then separators folded. */
    private static String foldByDefinition(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder();
        boolean gap = false;
        for (char c : lower.toCharArray()) {
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
}
