package dev.cxsentinel.bootstrap.spreadsheet;

import dev.cxsentinel.application.report.RecordSource;
import dev.cxsentinel.application.report.ReportFormatException;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.application.report.SpreadsheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The spreadsheet port over dhatim's fastexcel-reader, a streaming {@code .xlsx} reader (rows are pulled one at a
 * time from the sheet's XML; no DOM of the sheet is built). Cells come out the way a person sees them: a date cell
 * as {@code 2026-11-20}, a percentage cell as {@code 9.8%}, a number without its binary noise. It lives in
 * bootstrap because the design fixes the modules and neither adapter is about files; the application only knows
 * the port.
 */
public final class FastexcelSpreadsheetReader implements SpreadsheetReader {
    static final int HEADER_SEARCH_ROWS = 20;

    @Override
    public RecordSource open(String fileName, InputStream in, Predicate<List<String>> isHeader) throws IOException, ReportFormatException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw new ReportFormatException(new RowError(fileName, 0, null, null, "excel-workbook", String.valueOf(e.getMessage())));
        }
        try {
            List<Sheet> sheets = workbook.getSheets().toList();
            for (Sheet sheet : sheets) {
                Stream<Row> rows = sheet.openStream();
                Iterator<Row> iterator = rows.iterator();
                Deque<RecordSource.Record> peeked = new ArrayDeque<>();
                boolean found = false;
                while (iterator.hasNext() && peeked.size() < HEADER_SEARCH_ROWS && !found) {
                    RecordSource.Record record = record(iterator.next());
                    peeked.add(record);
                    found = isHeader.test(record.fields());
                }
                if (found) {
                    return new SheetSource(workbook, rows, iterator, peeked);
                }
                rows.close();
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw new ReportFormatException(new RowError(fileName, 0, null, null, "excel-sheet", String.valueOf(e.getMessage())));
        }
        workbook.close();
        throw new ReportFormatException(new RowError(fileName, 0, null, null, "excel-header", HEADER_SEARCH_ROWS));
    }

    private static RecordSource.Record record(Row row) {
        List<String> fields = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            fields.add(text(row.getCell(i)));
        }
        return new RecordSource.Record(row.getRowNum(), fields);
    }

    /** The cell as a person reads it in Excel. */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() != CellType.NUMBER) {
            String text = cell.getText();
            return text == null ? "" : text;
        }
        String format = cell.getDataFormatString() == null ? "" : cell.getDataFormatString().toLowerCase(Locale.ROOT);
        Integer id = cell.getDataFormatId();
        if (isDateFormat(id, format)) {
            return cell.asDate().toLocalDate().toString();
        }
        BigDecimal value = cell.asNumber();
        if (format.contains("%")) {
            return plain(value.movePointRight(2)) + "%";
        }
        return plain(value);
    }

    private static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String unquoted = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return !unquoted.isEmpty() && unquoted.matches(".*[dmy].*") && !unquoted.matches(".*[0#].*");
    }

    private static String plain(BigDecimal value) {
        BigDecimal rounded = value.setScale(Math.min(value.scale(), 10), java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString();
    }

    private static final class SheetSource implements RecordSource {
        private final ReadableWorkbook workbook;
        private final Stream<Row> rows;
        private final Iterator<Row> iterator;
        private final Deque<Record> peeked;

        SheetSource(ReadableWorkbook workbook, Stream<Row> rows, Iterator<Row> iterator, Deque<Record> peeked) {
            this.workbook = workbook;
            this.rows = rows;
            this.iterator = iterator;
            this.peeked = peeked;
        }

        @Override
        public Record next() throws ReportFormatException {
            while (true) {
                Record record = !peeked.isEmpty() ? peeked.poll() : iterator.hasNext() ? record(iterator.next()) : null;
                if (record == null || record.fields().stream().anyMatch(f -> !f.isBlank())) {
                    return record;
                }
            }
        }

        @Override
        public String encoding() {
            return "Excel workbook (.xlsx)";
        }

        @Override
        public void close() throws IOException {
            try {
                rows.close();
            } finally {
                workbook.close();
            }
        }
    }
}
