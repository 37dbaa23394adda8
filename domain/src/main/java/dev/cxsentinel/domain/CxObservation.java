package dev.cxsentinel.domain;

import java.time.LocalDate;

/**
 * What one report row says about one offer at one time. Optional figures are {@code null} when the report
 * does not give them.
 */
public record CxObservation(Asin asin, String productName, FulfilmentChannel channel, CxHealth health,
                            NcxRate ncxRate, Integer ncxOrders, Integer totalOrders, String topReason,
                            LocalDate closedDate, boolean closed) {
    public CxObservation {
        if (asin == null || channel == null || health == null) {
            throw new InvalidValueException("observation", asin + "/" + channel + "/" + health, "an ASIN, a fulfilment channel and a CX health");
        }
        productName = blankToNull(productName);
        topReason = blankToNull(topReason);
        if (ncxOrders != null && ncxOrders < 0) {
            throw new InvalidValueException("NCX orders", ncxOrders.toString(), "a whole number ≥ 0");
        }
        if (totalOrders != null && totalOrders < 0) {
            throw new InvalidValueException("total orders", totalOrders.toString(), "a whole number ≥ 0");
        }
        if (ncxOrders != null && totalOrders != null && ncxOrders > totalOrders) {
            throw new InvalidValueException("total orders", totalOrders.toString(), "at least the NCX orders (" + ncxOrders + ")");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
