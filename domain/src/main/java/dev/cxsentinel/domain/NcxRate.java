package dev.cxsentinel.domain;

import java.util.Locale;

/** Rate negativer Kundenerfahrungen, held exactly in basis points (1 bp = 0.01 %), 0–10000. */
public record NcxRate(int basisPoints) {
    public NcxRate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new InvalidValueException("ncx-rate", basisPoints / 100.0 + " %", "percent-range");
        }
    }

    public static NcxRate ofPercent(double percent) {
        return new NcxRate((int) Math.round(percent * 100));
    }

    public static NcxRate fromOrders(int ncxOrders, int totalOrders) {
        if (totalOrders <= 0 || ncxOrders < 0 || ncxOrders > totalOrders) {
            throw new InvalidValueException("ncx-orders", ncxOrders + " / " + totalOrders, "ncx-orders-of-total");
        }
        return new NcxRate((int) Math.round(ncxOrders * 10_000.0 / totalOrders));
    }

    public double percent() {
        return basisPoints / 100.0;
    }

    public String format(Language language) {
        String text = String.format(Locale.ROOT, "%.1f %%", percent());
        return language == Language.DE ? text.replace('.', ',') : text;
    }

    @Override
    public String toString() {
        return format(Language.EN);
    }
}
