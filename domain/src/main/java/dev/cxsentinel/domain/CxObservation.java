package dev.cxsentinel.domain;

import java.time.LocalDate;

/**
 * What one report row says about one offer at one time. Optional figures are {@code null} when the report
 * does not give them. {@code asOf} is the report's "Last updated" date, {@code null} when the file has none (then
 * the import itself is the newest word).
 */
public record CxObservation(Asin asin, String productName, FulfilmentChannel channel, CxHealth health,
                            NcxRate ncxRate, Integer ncxOrders, Integer totalOrders, NcxReason topReason,
                            LocalDate closedDate, boolean closed, ReturnBadge returnBadge, LocalDate asOf) {
    public CxObservation {
        if (asin == null || channel == null || health == null) {
            throw new InvalidValueException("observation", asin + "/" + channel + "/" + health, "observation");
        }
        productName = blankToNull(productName);
        if (ncxOrders != null && ncxOrders < 0) {
            throw new InvalidValueException("ncx-orders", ncxOrders.toString(), "whole-number");
        }
        if (totalOrders != null && totalOrders < 0) {
            throw new InvalidValueException("total-orders", totalOrders.toString(), "whole-number");
        }
        if (ncxOrders != null && totalOrders != null && ncxOrders > totalOrders) {
            throw new InvalidValueException("total-orders", totalOrders.toString(), "at-least-ncx-orders", ncxOrders);
        }
    }

    /** An observation from our own report format: no return badge, no "Last updated" date. */
    public CxObservation(Asin asin, String productName, FulfilmentChannel channel, CxHealth health, NcxRate ncxRate,
                         Integer ncxOrders, Integer totalOrders, String topReason, LocalDate closedDate, boolean closed) {
        this(asin, productName, channel, health, ncxRate, ncxOrders, totalOrders, NcxReason.parse(topReason).orElse(null),
                closedDate, closed, null, null);
    }

    /** This observation, dated {@code date} when the report gave no date. */
    CxObservation asOfOr(LocalDate date) {
        return asOf != null ? this : withAsOf(date);
    }

    CxObservation withAsOf(LocalDate date) {
        return new CxObservation(asin, productName, channel, health, ncxRate, ncxOrders, totalOrders, topReason, closedDate,
                closed, returnBadge, date);
    }

    /** This observation with the gaps a report may leave filled from what was known before. */
    CxObservation completedBy(CxObservation before) {
        return new CxObservation(asin, productName == null ? before.productName : productName, channel, health, ncxRate,
                ncxOrders, totalOrders, topReason, closedDate == null && closed ? before.closedDate : closedDate, closed,
                returnBadge, asOf == null ? before.asOf : asOf);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
