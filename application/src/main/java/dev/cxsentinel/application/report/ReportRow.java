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
}
