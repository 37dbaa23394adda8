package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.Sku;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the two kinds of CX report file (see {@code docs/cx-report.md}), told apart by their header, one row at
 * a time: each row is handed on as a valid {@link ReportRow} or as the {@link RowError}s it has. JDK only, so the
 * command line and the Slack upload share it.
 */
public final class ReportReader {

    public enum Kind { OFFER_REPORT, COMMENT_FILE }

    /** Receives the rows of a file in order. */
    public interface RowSink {
        void row(ReportRow row);

        void error(RowError error);
    }

    /** What a read saw. */
    public record Outcome(Kind kind, long rows, long invalidRows) { }

    /** Reads only the header: which kind of file it is. */
    public Kind kindOf(ReportFile file) throws IOException, ReportFormatException {
        try (InputStream in = file.open(); CsvRecordReader csv = CsvRecordReader.open(file.name(), in)) {
            return header(file.name(), csv.readHeader()).kind;
        }
    }

    public Outcome read(ReportFile file, RowSink sink) throws IOException, ReportFormatException {
        try (InputStream in = file.open(); CsvRecordReader csv = CsvRecordReader.open(file.name(), in)) {
            Header header = header(file.name(), csv.readHeader());
            long rows = 0;
            long invalid = 0;
            CsvRecordReader.CsvRecord record;
            while ((record = csv.next()) != null) {
                rows++;
                RowParse parse = new RowParse(file.name(), record, header);
                ReportRow row = header.kind == Kind.OFFER_REPORT ? parse.offerRow() : parse.commentRow();
                if (parse.errors.isEmpty()) {
                    sink.row(row);
                } else {
                    invalid++;
                    parse.errors.forEach(sink::error);
                }
            }
            if (rows == 0) {
                throw new ReportFormatException(new RowError(file.name(), 0, null, null,
                        "data rows below the header (the file has a header only)"));
            }
            return new Outcome(header.kind, rows, invalid);
        }
    }

    private record Header(Kind kind, Map<Column, Integer> positions, int width) { }

    private static Header header(String file, CsvRecordReader.CsvRecord record) throws ReportFormatException {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < record.fields().size(); i++) {
            Column column = Column.match(record.fields().get(i));
            if (column != null && positions.putIfAbsent(column, i) != null) {
                throw new ReportFormatException(new RowError(file, record.line(), column.english(), record.fields().get(i),
                        "each column once (this header names it twice)"));
            }
        }
        Kind kind = positions.containsKey(Column.COMMENT) ? Kind.COMMENT_FILE : Kind.OFFER_REPORT;
        List<Column> required = kind == Kind.OFFER_REPORT ? Column.OFFER_REQUIRED : Column.COMMENT_REQUIRED;
        List<Column> missing = required.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            String found = String.join(String.valueOf(','), record.fields());
            throw new ReportFormatException(new RowError(file, record.line(), null, found,
                    "a header row of an offer report (marketplace, asin, sku, fulfillment_channel, cx_health, …) or of a "
                            + "comment file (marketplace, asin, sku, date, comment); missing: "
                            + missing.stream().map(Column::describe).collect(Collectors.joining(", "))));
        }
        return new Header(kind, positions, record.fields().size());
    }

    /** The parse of one record, collecting every error rather than stopping at the first. */
    private static final class RowParse {
        private final String file;
        private final CsvRecordReader.CsvRecord record;
        private final Header header;
        final List<RowError> errors = new ArrayList<>();

        RowParse(String file, CsvRecordReader.CsvRecord record, Header header) {
            this.file = file;
            this.record = record;
            this.header = header;
        }

        String raw(Column column) {
            Integer i = header.positions.get(column);
            if (i == null || i >= record.fields().size()) {
                return "";
            }
            return record.fields().get(i).strip();
        }

        <T> T required(Column column, Function<String, T> parse) {
            String value = raw(column);
            if (value.isEmpty()) {
                errors.add(new RowError(file, record.line(), column.english(), "", "a value (this column is required)"));
                return null;
            }
            return optional(column, parse);
        }

        <T> T optional(Column column, Function<String, T> parse) {
            String value = raw(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (InvalidValueException e) {
                errors.add(new RowError(file, record.line(), column.english(), value, e.expected()));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(file, record.line(), column.english(), value, e.getMessage()));
            }
            return null;
        }

        ReportRow.OfferRow offerRow() {
            Marketplace marketplace = required(Column.MARKETPLACE, Marketplace::parse);
            Asin asin = required(Column.ASIN, Asin::new);
            Sku sku = required(Column.SKU, Sku::new);
            FulfilmentChannel channel = required(Column.FULFILLMENT_CHANNEL, FulfilmentChannel::parse);
            CxHealth health = required(Column.CX_HEALTH, CxHealth::parse);
            Double percent = optional(Column.NCX_RATE, ValueParsers::ratePercent);
            Integer ncxOrders = optional(Column.NCX_ORDERS, ValueParsers::count);
            Integer totalOrders = optional(Column.TOTAL_ORDERS, ValueParsers::count);
            LocalDate closedDate = optional(Column.LAST_OFFER_CLOSED_DATE, ValueParsers::date);
            Boolean closedStatus = optional(Column.OFFER_STATUS, ValueParsers::closedStatus);
            String productName = raw(Column.PRODUCT_NAME);
            String topReason = raw(Column.TOP_NCX_REASON);
            NcxRate rate = rate(percent, ncxOrders, totalOrders);
            if (!errors.isEmpty()) {
                return null;
            }
            boolean closed = closedStatus != null ? closedStatus : closedDate != null;
            CommentCategory reasonCategory = CommentCategory.fromLabel(topReason).orElse(null);
            String reason = reasonCategory != null ? reasonCategory.label(dev.cxsentinel.domain.Language.EN) : topReason;
            return new ReportRow.OfferRow(record.line(), marketplace, sku, new CxObservation(asin, productName, channel,
                    health, rate, ncxOrders, totalOrders, reason, closedDate, closed));
        }

        private NcxRate rate(Double percent, Integer ncxOrders, Integer totalOrders) {
            if (ncxOrders != null && totalOrders != null && ncxOrders > totalOrders) {
                errors.add(new RowError(file, record.line(), Column.TOTAL_ORDERS.english(), totalOrders.toString(),
                        "at least ncx_orders (" + ncxOrders + ")"));
                return null;
            }
            boolean countsKnown = ncxOrders != null && totalOrders != null && totalOrders > 0;
            if (percent == null) {
                return countsKnown ? NcxRate.fromOrders(ncxOrders, totalOrders) : null;
            }
            if (countsKnown) {
                double computed = ncxOrders * 100.0 / totalOrders;
                if (Math.abs(computed - percent) > 0.5) {
                    errors.add(new RowError(file, record.line(), Column.NCX_RATE.english(), raw(Column.NCX_RATE),
                            String.format(java.util.Locale.ROOT, "a rate that agrees with %d of %d orders (%.1f %%) within half a percentage point",
                                    ncxOrders, totalOrders, computed)));
                    return null;
                }
            }
            return NcxRate.ofPercent(percent);
        }

        ReportRow.CommentRow commentRow() {
            Marketplace marketplace = required(Column.MARKETPLACE, Marketplace::parse);
            Asin asin = required(Column.ASIN, Asin::new);
            Sku sku = required(Column.SKU, Sku::new);
            LocalDate date = required(Column.DATE, ValueParsers::date);
            CommentCategory category = optional(Column.CATEGORY, text -> CommentCategory.fromLabel(text).orElseThrow(
                    () -> new IllegalArgumentException("a category: not as described, defective, damaged, wrong item, missing parts, "
                            + "size/fit, compatibility, images or description, quality, delivery, other (or the German names), or empty")));
            String text = required(Column.COMMENT, t -> {
                if (t.length() > CustomerComment.MAX_LENGTH) {
                    throw new IllegalArgumentException("a comment of at most " + CustomerComment.MAX_LENGTH + " characters");
                }
                return t;
            });
            if (!errors.isEmpty()) {
                return null;
            }
            return new ReportRow.CommentRow(record.line(), marketplace, asin, sku, new CustomerComment(date, category, text));
        }
    }
}
