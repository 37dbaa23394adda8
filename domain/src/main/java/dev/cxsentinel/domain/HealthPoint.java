package dev.cxsentinel.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An offer's CX figures as one snapshot showed them: a point of its history. Voice of the Customer shows only
 * today's value; these points are what a trend is drawn from.
 */
public record HealthPoint(LocalDate date, CxHealth health, NcxRate ncxRate, Integer ncxOrders, Integer totalOrders, OfferStatus status) {
    /** At most one point a day, for a year. */
    public static final int MAX_POINTS = 365;

    public HealthPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(status, "status");
    }

    /** Closed, or at a level where Amazon may close it. */
    public boolean inTrouble() {
        return status == OfferStatus.CLOSED || health.isAtRisk();
    }

    static HealthPoint of(CxObservation seen, OfferStatus status, LocalDate date) {
        return new HealthPoint(date, seen.health(), seen.ncxRate(), seen.ncxOrders(), seen.totalOrders(), status);
    }

    boolean sameFigures(HealthPoint other) {
        return health == other.health && Objects.equals(ncxRate, other.ncxRate) && Objects.equals(ncxOrders, other.ncxOrders)
                && Objects.equals(totalOrders, other.totalOrders) && status == other.status;
    }

    /**
     * The trend with {@code point} added: nothing changes when the figures are those of the last point; a point of
     * the same day replaces it; the oldest points go beyond {@link #MAX_POINTS}. Points stay in date order.
     */
    static List<HealthPoint> add(List<HealthPoint> trend, HealthPoint point) {
        if (!trend.isEmpty()) {
            HealthPoint last = trend.get(trend.size() - 1);
            if (last.sameFigures(point) || point.date.isBefore(last.date)) {
                return trend;
            }
        }
        List<HealthPoint> added = new ArrayList<>(trend);
        if (!added.isEmpty() && added.get(added.size() - 1).date.equals(point.date)) {
            added.remove(added.size() - 1);
        }
        added.add(point);
        return added.size() > MAX_POINTS ? List.copyOf(added.subList(added.size() - MAX_POINTS, added.size())) : List.copyOf(added);
    }
}
