package dev.cxsentinel.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request bodies real Slack sends, from the fixtures in {@code src/test/resources/slack} (their sources are in
 * the README beside them), with the test's values put in. A placeholder left unfilled fails the test.
 */
final class SlackPayloads {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private SlackPayloads() {
    }

    static String fill(String fixture, Map<String, String> values) {
        String template;
        try (InputStream in = SlackPayloads.class.getResourceAsStream("/slack/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(fixture + " needs a value for " + m.group(1));
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A JSON string's content, escaped. */
    static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
