package dev.cxsentinel.adapters.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.domain.Advice;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogs: every language has every key with the same placeholders, and every code of the core has its words. */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    @Test
    void bothLanguagesHaveEveryKeyAndTheSamePlaceholders() {
        assertEquals(Messages.keys(Language.EN), Messages.keys(Language.DE), "the same keys in English and German");
        List<String> mismatches = new ArrayList<>();
        for (String key : Messages.keys(Language.EN)) {
            List<String> en = placeholders(Messages.get(Language.EN, key));
            List<String> de = placeholders(Messages.get(Language.DE, key));
            if (!en.equals(de)) {
                mismatches.add(key + ": " + en + " vs " + de);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyCodeOfTheCoreHasItsWordsInEveryLanguage() {
        List<Enum<?>> codes = new ArrayList<>();
        codes.addAll(List.of(CxHealth.values()));
        codes.addAll(List.of(CommentCategory.values()));
        codes.addAll(List.of(DisputeReason.values()));
        codes.addAll(List.of(FulfilmentChannel.values()));
        codes.addAll(List.of(OfferStatus.values()));
        codes.addAll(List.of(Remedy.values()));
        for (Language l : Language.values()) {
            for (Enum<?> code : codes) {
                assertTrue(!Messages.label(code, l).isBlank(), code + " in " + l);
            }
            for (Advice.Ground g : Advice.Ground.values()) {
                assertTrue(Messages.has(l, "advice.ground." + g), g + " in " + l);
            }
            for (Advice.Kind k : Advice.Kind.values()) {
                assertTrue(Messages.has(l, "advice.name." + k), k + " in " + l);
            }
        }
        assertEquals("Sehr schlecht", Messages.label(CxHealth.VERY_POOR, Language.DE));
    }

    @Test
    void aMissingKeyFailsInsteadOfFallingBackToAnotherLanguage() {
        assertThrows(IllegalArgumentException.class, () -> Messages.get(Language.DE, "no.such.key"));
    }

    /** Placeholders in argument order: positional ones by their index, others as they come. */
    static List<String> placeholders(String pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int next = 1;
        while (m.find()) {
            if (m.group(2).equals("%") || m.group(2).equals("n")) {
                continue;
            }
            String index = m.group(1) != null ? m.group(1).replace("$", "") : Integer.toString(next++);
            found.add(index + m.group(2));
        }
        found.sort(null);
        return found;
    }
}
