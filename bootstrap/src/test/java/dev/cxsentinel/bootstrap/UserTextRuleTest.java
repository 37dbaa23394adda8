package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core speaks in codes, the adapters in words: no Slack syntax or emoji in the string literals of the domain
 * and the application (mentions {@code <@…>}, {@code <!channel>}, {@code <#C…>}, code spans, emoji names). The
 * words users read live in the Slack adapter's message catalogs. ArchUnit sees classes, not literals, so this
 * rule reads the sources; {@link #theRuleBitesOnAViolation} proves it would catch one.
 */
class UserTextRuleTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SLACK_SYNTAX = Pattern.compile("<[@!#]|`|(^|[\\s(]):[a-z0-9_+-]+:($|[\\s).,])");

    @Test
    void theDomainAndTheApplicationHoldNoSlackSyntaxOrEmoji() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("domain", "application")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    found.addAll(violations(file.toString(), Files.readString(file)));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theRuleBitesOnAViolation() {
        assertFalse(violations("Fixture.java", "String s = \":rotating_light: Offer closed\";").isEmpty());
        assertFalse(violations("Fixture.java", "String s = \"ask <@U024BE7LH>\";").isEmpty());
        assertFalse(violations("Fixture.java", "String s = \"use `/cx link`\";").isEmpty());
        assertEquals(List.of(), violations("Fixture.java", "String s = \"account:marketplace:sku\";"));
    }

    static List<String> violations(String file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("*") || lines[i].strip().startsWith("//")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(lines[i]);
            while (literal.find()) {
                if (SLACK_SYNTAX.matcher(literal.group(1)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + literal.group(1));
                }
            }
        }
        return found;
    }
}
