package dev.cxsentinel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folding labels for matching: the one-pass form for ASCII text gives what the general form gives. */
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
            assertEquals(Text.foldAny(t), Text.fold(t), "'" + t + "'");
        }
    }
}
