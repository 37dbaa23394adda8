package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.Expectation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.NcxReason;
import dev.cxsentinel.domain.ReturnBadge;
import dev.cxsentinel.domain.Sku;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns one record of a known kind into a {@link ReportRow}, collecting every error rather than stopping at the first. */
final class RowParser {
    private final String file;
    private final ReportReader.Header header;
    private final Marketplace defaultMarketplace;

    record Parsed(ReportRow row, List<RowError> errors) { }

    RowParser(String file, ReportReader.Header header, Marketplace defaultMarketplace) {
        this.file = file;
        this.header = header;
        this.defaultMarketplace = defaultMarketplace;
    }

    Parsed parse(RecordSource.Record record) {
        Cells cells = new Cells(record);
        ReportRow row = switch (header.kind()) {
            case OFFER_REPORT -> cells.offerRow();
            case COMMENT_FILE -> cells.commentRow();
            case RETURNS_REPORT -> cells.returnRow();
        };
        return new Parsed(cells.errors.isEmpty() ? row : null, cells.errors);
    }

    private final class Cells {
        private final RecordSource.Record record;
        final List<RowError> errors = new ArrayList<>();

        Cells(RecordSource.Record record) {
            this.record = record;
        }

        String raw(Column column) {
            Integer i = header.positions().get(column);
            if (i == null || i >= record.fields().size()) {
                return "";
            }
            return record.fields().get(i).strip();
        }

        void error(Column column, String found, Expectation expected) {
            errors.add(new RowError(file, record.line(), column.english(), found, expected));
        }

        void error(Column column, String found, String expectedCode, Object... args) {
            error(column, found, Expectation.of(expectedCode, args));
        }

        <T> T required(Column column, Function<String, T> parse) {
            if (ValueParsers.isNoValue(raw(column))) {
                error(column, raw(column), "required-value");
                return null;
            }
            return optional(column, parse);
        }

        <T> T optional(Column column, Function<String, T> parse) {
            String value = raw(column);
            if (ValueParsers.isNoValue(value)) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (InvalidValueException e) {
                error(column, value, e.expected());
            }
            return null;
        }

        Marketplace marketplace() {
            if (!raw(Column.MARKETPLACE).isEmpty()) {
                return required(Column.MARKETPLACE, Marketplace::parse);
            }
            if (defaultMarketplace == null) {
                error(Column.MARKETPLACE, "", "marketplace-for-row");
            }
            return defaultMarketplace;
        }

        ReportRow.OfferRow offerRow() {
            Marketplace marketplace = marketplace();
            Asin asin = required(Column.ASIN, Asin::new);
            Sku sku = required(Column.SKU, Sku::new);
            FulfilmentChannel channel = required(Column.FULFILLMENT_CHANNEL, FulfilmentChannel::parse);
            CxHealth health = required(Column.CX_HEALTH, CxHealth::parse);
            ValueParsers.Rate rate = optional(Column.NCX_RATE, ValueParsers::rate);
            Integer ncxOrders = optional(Column.NCX_ORDERS, ValueParsers::count);
            Integer totalOrders = optional(Column.TOTAL_ORDERS, ValueParsers::count);
            ValueParsers.ClosedDate closed = optional(Column.LAST_OFFER_CLOSED_DATE, ValueParsers::closedDate);
            Boolean closedStatus = optional(Column.OFFER_STATUS, ValueParsers::closedStatus);
            NcxReason reason = optional(Column.TOP_NCX_REASON, t -> NcxReason.parse(t).orElse(null));
            ReturnBadge badge = optional(Column.RETURN_BADGE, t -> ReturnBadge.parse(t).orElse(null));
            LocalDate asOf = optional(Column.LAST_UPDATED, ValueParsers::date);
            NcxRate ncx = ncxRate(rate, ncxOrders, totalOrders);
            if (!errors.isEmpty()) {
                return null;
            }
            LocalDate closedDate = closed == null ? null : closed.date();
            boolean isClosed = closedStatus != null ? closedStatus : closed != null;
            return new ReportRow.OfferRow(record.line(), marketplace, sku, new CxObservation(asin, raw(Column.PRODUCT_NAME), channel,
                    health, ncx, ncxOrders, totalOrders, reason, closedDate, isClosed, badge, asOf));
        }

        /**
         * The NCX rate. With a % sign it is a percentage. A bare number is a fraction (0.042) or a percentage (4.2):
         * the order counts decide when given; without them a number above 1 can only be a percentage, and one
         * up to 1 is refused as ambiguous.
         */
        private NcxRate ncxRate(ValueParsers.Rate rate, Integer ncxOrders, Integer totalOrders) {
            if (ncxOrders != null && totalOrders != null && ncxOrders > totalOrders) {
                error(Column.TOTAL_ORDERS, totalOrders.toString(), "at-least-ncx-orders", ncxOrders);
                return null;
            }
            boolean countsKnown = ncxOrders != null && totalOrders != null && totalOrders > 0;
            if (rate == null) {
                return countsKnown ? NcxRate.fromOrders(ncxOrders, totalOrders) : null;
            }
            Double computed = countsKnown ? ncxOrders * 100.0 / totalOrders : null;
            if (rate.percentSign()) {
                return agreeing(rate.asPercent(), computed);
            }
            if (computed != null) {
                if (Math.abs(rate.asFraction() - computed) <= 0.5 && rate.asFraction() <= 100) {
                    return NcxRate.ofPercent(rate.asFraction());
                }
                return agreeing(rate.asPercent(), computed);
            }
            if (rate.number() > 1 || rate.number() == 0) {
                return NcxRate.ofPercent(rate.asPercent());
            }
            error(Column.NCX_RATE, raw(Column.NCX_RATE), "rate-with-percent-sign", raw(Column.NCX_RATE), trim(rate.asPercent()),
                    trim(rate.asFraction()));
            return null;
        }

        private NcxRate agreeing(double percent, Double computed) {
            if (computed != null && Math.abs(computed - percent) > 0.5) {
                error(Column.NCX_RATE, raw(Column.NCX_RATE), "rate-agrees-with-orders", raw(Column.NCX_ORDERS), raw(Column.TOTAL_ORDERS),
                        String.format(Locale.ROOT, "%.1f", computed));
                return null;
            }
            return NcxRate.ofPercent(percent);
        }

        private static String trim(double value) {
            return new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }

        ReportRow.CommentRow commentRow() {
            Marketplace marketplace = marketplace();
            Asin asin = optional(Column.ASIN, Asin::new);
            Sku sku = required(Column.SKU, Sku::new);
            LocalDate date = required(Column.DATE, ValueParsers::date);
            CommentCategory category = optional(Column.CATEGORY, text -> CommentCategory.fromLabel(text).orElseThrow(
                    () -> new InvalidValueException("category", text, "comment-category")));
            String text = required(Column.COMMENT, RowParser::commentText);
            if (!errors.isEmpty()) {
                return null;
            }
            return new ReportRow.CommentRow(record.line(), marketplace, asin, sku, new CustomerComment(date, category, text));
        }

        /** A return with a reason or a customer comment; null (nothing to import) for a row with neither. */
        ReportRow.ReturnRow returnRow() {
            Marketplace marketplace = marketplace();
            Sku sku = required(Column.SKU, Sku::new);
            LocalDate date = required(Column.RETURN_DATE, ValueParsers::date);
            String reason = raw(Column.RETURN_REASON);
            String comment = optional(Column.CUSTOMER_COMMENTS, RowParser::commentText);
            if (!errors.isEmpty() || (ValueParsers.isNoValue(reason) && comment == null)) {
                return null;
            }
            CommentCategory category = ValueParsers.isNoValue(reason) ? null : CommentCategory.fromLabel(reason).orElse(null);
            String text = comment != null ? comment : "Return reason " + reason + orderSuffix();
            return new ReportRow.ReturnRow(record.line(), marketplace, sku, CustomerComment.withReason(date, category, text));
        }

        private String orderSuffix() {
            String order = raw(Column.ORDER_ID);
            return order.isEmpty() ? "" : " (order " + order + ")";
        }
    }

    private static String commentText(String text) {
        if (text.length() > CustomerComment.MAX_LENGTH) {
            throw new InvalidValueException("comment", text, "max-length", CustomerComment.MAX_LENGTH);
        }
        return text;
    }
}
