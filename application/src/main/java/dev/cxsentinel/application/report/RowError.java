package dev.cxsentinel.application.report;

/**
 * A problem in a report: which file, which line (1-based, the line a record starts on; 0 for the file as a
 * whole), which column, the value found and what was expected.
 */
public record RowError(String file, long line, String column, String found, String expected) {

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
            b.append(": found '").append(shorten(found)).append('\'');
        }
        return b.append(": ").append(expected).toString();
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }
}
