package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Expectation;
import java.util.Objects;

/**
 * A problem in a report: which file, which line (1-based, the line a record starts on; 0 for the file as a
 * whole), which column, the value found and what was expected (a code the message catalogs word).
 */
public record RowError(String file, long line, String column, String found, Expectation expected) {

    public RowError {
        Objects.requireNonNull(expected, "expected");
    }

    public RowError(String file, long line, String column, String found, String expectedCode, Object... args) {
        this(file, line, column, found, Expectation.of(expectedCode, args));
    }

    /** For logs: where, what was found, and the expectation's code. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        if (column != null && !column.isEmpty()) {
            b.append(": column '").append(column).append('\'');
        }
        if (found != null) {
            b.append(": found '").append(shortened()).append('\'');
        }
        return b.append(": ").append(expected).toString();
    }

    /** The value found on one line and at most 60 characters, for messages. */
    public String shortened() {
        if (found == null) {
            return null;
        }
        String oneLine = found.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }
}
