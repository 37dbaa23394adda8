package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.Expectation;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Every word a user reads, one catalog per language: {@code messages_en.properties} and
 * {@code messages_de.properties} beside this class. The core speaks in codes (enum constants, error codes, advice
 * grounds); this class turns them into words. Both catalogs have the same keys and placeholders (MessagesTest);
 * a missing key is a bug and fails loudly rather than mixing languages.
 */
public final class Messages {
    private static final Map<Language, Map<String, String>> CATALOGS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            CATALOGS.put(language, load(language));
        }
    }

    private Messages() {
    }

    public static String get(Language language, String key, Object... args) {
        String pattern = CATALOGS.get(language).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in the " + language + " catalog");
        }
        return args.length == 0 ? pattern : String.format(pattern, args);
    }

    /** The word for a code of the core: {@code CxHealth.VERY_POOR} → "Very poor" / "Sehr schlecht". */
    public static String label(Enum<?> code, Language language) {
        return get(language, code.getDeclaringClass().getSimpleName() + "." + code.name());
    }

    /** What a value should have been, from the core's code and arguments ({@code expected.<code>}). */
    public static String expected(Expectation expectation, Language language) {
        return get(language, "expected." + expectation.code(), expectation.args().toArray());
    }

    /** The name of a value's field, from the core's code ({@code field.<code>}). */
    public static String field(String code, Language language) {
        return get(language, "field." + code);
    }

    /** A refused value in plain text (command line, console): field, what was found, what was expected. */
    public static String refused(InvalidValueException v, Language language) {
        return get(language, "error.invalid-value.plain", field(v.field(), language), v.found(), expected(v.expected(), language));
    }

    /** A problem in a report, plain text: {@code file:line: column 'x': found 'y': expected …}. */
    public static String problem(RowError e, Language language) {
        StringBuilder b = new StringBuilder(e.file());
        if (e.line() > 0) {
            b.append(':').append(e.line());
        }
        if (e.column() != null && !e.column().isEmpty()) {
            b.append(": ").append(get(language, "problem.column", e.column()));
        }
        if (e.found() != null) {
            b.append(": ").append(get(language, "problem.found", e.shortened()));
        }
        return b.append(": ").append(get(language, "problem.expected", expected(e.expected(), language))).toString();
    }

    public static boolean has(Language language, String key) {
        return CATALOGS.get(language).containsKey(key);
    }

    static Set<String> keys(Language language) {
        return CATALOGS.get(language).keySet();
    }

    private static Map<String, String> load(Language language) {
        String name = "messages_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the message catalog " + name + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> catalog = new HashMap<>();
            properties.forEach((k, v) -> catalog.put((String) k, (String) v));
            return Map.copyOf(catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
