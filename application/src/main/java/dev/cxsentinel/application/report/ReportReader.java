package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Marketplace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the three kinds of CX report file (see {@code docs/cx-report.md}), told apart by their header: the offer
 * report (our own format or Seller Central's Voice of the Customer download), the comment file, and the FBA
 * customer returns report. Text files in any delimiter and encoding {@link TextEncoding} accepts, and Excel
 * workbooks through the {@link SpreadsheetReader} port. One row at a time: each row is handed on as a valid
 * {@link ReportRow} or as the {@link RowError}s it has. JDK only, so the command line and Slack share it.
 */
public final class ReportReader {
    /** How many rows before the header a file may have (a title, a date line). */
    static final int MAX_PREAMBLE = 20;

    public enum Kind { OFFER_REPORT, COMMENT_FILE, RETURNS_REPORT }

    /** Receives the rows of a file in order. */
    public interface RowSink {
        void row(ReportRow row);

        void error(RowError error);
    }

    /** What a read saw; {@code encoding} says how the file was decoded (UTF-8, Windows-1252, xlsx, …). */
    public record Outcome(Kind kind, long rows, long invalidRows, String encoding) { }

    record Header(Kind kind, Map<Column, Integer> positions, long line) { }

    private final SpreadsheetReader spreadsheets;

    public ReportReader(SpreadsheetReader spreadsheets) {
        this.spreadsheets = spreadsheets;
    }

    public ReportReader() {
        this(SpreadsheetReader.NONE);
    }

    /** Reads only up to the header: which kind of file it is. */
    public Kind kindOf(ReportFile file) throws IOException, ReportFormatException {
        try (RecordSource source = open(file)) {
            return header(file.name(), source).kind();
        }
    }

    /** Reads every row; {@code defaultMarketplace} (may be null) stands in for a missing marketplace column. */
    public Outcome read(ReportFile file, Marketplace defaultMarketplace, RowSink sink) throws IOException, ReportFormatException {
        try (RecordSource source = open(file)) {
            Header header = header(file.name(), source);
            if (!header.positions().containsKey(Column.MARKETPLACE) && defaultMarketplace == null) {
                throw new ReportFormatException(new RowError(file.name(), header.line(), Column.MARKETPLACE.english(), null, "marketplace-for-file"));
            }
            RowParser parser = new RowParser(file.name(), header, defaultMarketplace);
            long rows = 0;
            long invalid = 0;
            RecordSource.Record record;
            while ((record = source.next()) != null) {
                rows++;
                RowParser.Parsed parsed = parser.parse(record);
                if (parsed.errors().isEmpty()) {
                    if (parsed.row() != null) {
                        sink.row(parsed.row());
                    }
                } else {
                    invalid++;
                    parsed.errors().forEach(sink::error);
                }
            }
            if (rows == 0) {
                throw new ReportFormatException(new RowError(file.name(), 0, null, null, "data-rows"));
            }
            return new Outcome(header.kind(), rows, invalid, source.encoding());
        }
    }

    public Outcome read(ReportFile file, RowSink sink) throws IOException, ReportFormatException {
        return read(file, null, sink);
    }

    private RecordSource open(ReportFile file) throws IOException, ReportFormatException {
        if (isWorkbook(file)) {
            return spreadsheets.open(file.name(), file.open(), fields -> kindOf(fields) != null);
        }
        TextEncoding.Detected detected;
        try (InputStream in = file.open()) {
            detected = TextEncoding.detect(in);
        }
        return CsvRecordReader.open(file.name(), file.open(), detected);
    }

    private static boolean isWorkbook(ReportFile file) throws IOException {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return true;
        }
        try (InputStream in = new BufferedInputStream(file.open())) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** The first row that names the required columns of a kind; rows before it (a title) are skipped. */
    private static Header header(String file, RecordSource source) throws IOException, ReportFormatException {
        RecordSource.Record first = null;
        for (int i = 0; i <= MAX_PREAMBLE; i++) {
            RecordSource.Record record = source.next();
            if (record == null) {
                break;
            }
            first = first == null ? record : first;
            Map<Column, Integer> positions = positions(file, record);
            Kind kind = kindOf(positions);
            if (kind != null) {
                return new Header(kind, positions, record.line());
            }
        }
        if (first == null) {
            throw new ReportFormatException(new RowError(file, 0, null, null, "not-empty"));
        }
        Map<Column, Integer> positions = positions(file, first);
        List<Column> missing = (positions.containsKey(Column.COMMENT) ? Column.COMMENT_REQUIRED : Column.OFFER_REQUIRED).stream()
                .filter(c -> !positions.containsKey(c)).toList();
        throw new ReportFormatException(new RowError(file, first.line(), null, String.join(",", first.fields()), "report-header",
                missing.stream().map(Column::describe).collect(Collectors.joining(", "))));
    }

    private static Map<Column, Integer> positions(String file, RecordSource.Record record) throws ReportFormatException {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < record.fields().size(); i++) {
            Column column = Column.match(record.fields().get(i));
            if (column != null && positions.putIfAbsent(column, i) != null) {
                throw new ReportFormatException(new RowError(file, record.line(), column.english(), record.fields().get(i), "column-once"));
            }
        }
        return positions;
    }

    private static Kind kindOf(List<String> fields) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < fields.size(); i++) {
            Column c = Column.match(fields.get(i));
            if (c != null) {
                positions.putIfAbsent(c, i);
            }
        }
        return kindOf(positions);
    }

    private static Kind kindOf(Map<Column, Integer> positions) {
        if (positions.keySet().containsAll(Column.COMMENT_REQUIRED)) {
            return Kind.COMMENT_FILE;
        }
        if (positions.keySet().containsAll(Column.RETURNS_REQUIRED)) {
            return Kind.RETURNS_REPORT;
        }
        if (positions.keySet().containsAll(Column.OFFER_REQUIRED)) {
            return Kind.OFFER_REPORT;
        }
        return null;
    }
}
