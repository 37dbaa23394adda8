package dev.cxsentinel.application.report;

/** The file as a whole cannot be read as a report (not text, no header, unbalanced quotes, …). */
public final class ReportFormatException extends Exception {
    private final RowError error;

    public ReportFormatException(RowError error) {
        super(error.toString());
        this.error = error;
    }

    public RowError error() {
        return error;
    }
}
