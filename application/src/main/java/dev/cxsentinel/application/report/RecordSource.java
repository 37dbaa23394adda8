package dev.cxsentinel.application.report;

import java.io.IOException;
import java.util.List;

/** Rows of a report file, whatever its format: delimited text or a spreadsheet. */
public interface RecordSource extends AutoCloseable {
    /** One row and the line (text) or row number (spreadsheet) it starts on. */
    record Record(long line, List<String> fields) { }

    /** The next non-empty row, or null at the end. */
    Record next() throws IOException, ReportFormatException;

    /** How the file was read, for the import summary: {@code UTF-8}, {@code Windows-1252}, {@code xlsx}, … */
    String encoding();

    @Override
    void close() throws IOException;
}
