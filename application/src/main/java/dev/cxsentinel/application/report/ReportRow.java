package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Sku;

/** A valid row of a report file. */
public sealed interface ReportRow {
    long line();

    Marketplace marketplace();

    Sku sku();

    record OfferRow(long line, Marketplace marketplace, Sku sku, CxObservation observation) implements ReportRow { }

    record CommentRow(long line, Marketplace marketplace, Asin asin, Sku sku, CustomerComment comment) implements ReportRow { }

    /** A row of the FBA customer returns report with a reason or a comment: a comment on an offer we may not know. */
    record ReturnRow(long line, Marketplace marketplace, Sku sku, CustomerComment comment) implements ReportRow { }
}
