package dev.cxsentinel.application.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * Driven port: reads an Excel workbook ({@code .xlsx}) as rows of text, streaming. The application stays free of
 * any spreadsheet library; bootstrap binds an implementation.
 */
public interface SpreadsheetReader {
    /**
     * The rows of the first sheet whose header row {@code isHeader} accepts (rows before it are skipped), cells
     * as the spreadsheet formats them.
     */
    RecordSource open(String fileName, InputStream in, Predicate<List<String>> isHeader)
            throws IOException, ReportFormatException;

    /** For builds without spreadsheet support: every workbook is refused with a clear message. */
    SpreadsheetReader NONE = (name, in, isHeader) -> {
        throw new ReportFormatException(new RowError(name, 0, null, null, "no-excel-support"));
    };
}
