package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.HealthPoint;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An offer's NCX rate over time as a PNG (XChart, rendered headless): the rate of each history point, the health
 * bands shaded behind it (approximate: Amazon does not publish the thresholds, so they are marked ≈), and the
 * team's actions and closures marked on the time axis; titles in the channel's language.
 */
public final class TrendChart {
    /** Rough NCX levels where Voice of the Customer moves between health levels: drawn as guides, not as rules. */
    private static final double[] EDGES = {1.0, 2.5, 5.0, 8.0};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    /** The period a user names: {@code 30d}, {@code 90d} (default) or {@code 1y}. */
    public static Duration period(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofDays(90);
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "30d" -> Duration.ofDays(30);
            case "90d" -> Duration.ofDays(90);
            case "1y", "365d" -> Duration.ofDays(365);
            default -> throw new IllegalArgumentException(text);
        };
    }

    public static byte[] png(Offer offer, Duration period, Instant now, Language l) {
        LocalDate from = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(period.toDays());
        List<HealthPoint> points = offer.trend().stream().filter(p -> !p.date().isBefore(from)).toList();
        XYChart chart = new XYChartBuilder().width(900).height(420)
                .title(Messages.get(l, "trend.title", offer.id().sku().value() + "@" + offer.id().marketplace().code()))
                .xAxisTitle(Messages.get(l, "trend.axis.date")).yAxisTitle(Messages.get(l, "trend.axis.ncx")).build();
        chart.getStyler().setDatePattern(l == Language.DE ? "dd.MM." : "MMM d");
        chart.getStyler().setLocale(l == Language.DE ? Locale.GERMAN : Locale.ENGLISH);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisMin(0.0);
        List<Date> dates = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (HealthPoint p : points) {
            if (p.ncxRate() != null) {
                dates.add(date(p.date()));
                rates.add(p.ncxRate().basisPoints() / 100.0);
            }
        }
        if (dates.isEmpty()) {
            dates.add(date(from));
            rates.add(0.0);
        }
        Date start = dates.get(0);
        Date end = date(now.atZone(ZoneOffset.UTC).toLocalDate());
        double top = Math.max(10.0, rates.stream().mapToDouble(Double::doubleValue).max().orElse(0) * 1.15);
        chart.getStyler().setYAxisMax(top);
        shadeBands(chart, l, List.of(start, end), top);
        XYSeries ncx = chart.addSeries(Messages.get(l, "trend.axis.ncx"), dates, rates);
        ncx.setLineColor(new Color(0x1565C0));
        ncx.setLineWidth(2.5f);
        List<Date> actionDates = new ArrayList<>();
        List<Double> actionMarks = new ArrayList<>();
        for (ActionRecord a : offer.history()) {
            if (!a.at().isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                actionDates.add(Date.from(a.at()));
                actionMarks.add(0.0);
            }
        }
        if (offer.closedDate() != null && !offer.closedDate().isBefore(from)) {
            actionDates.add(date(offer.closedDate()));
            actionMarks.add(0.0);
        }
        if (!actionDates.isEmpty()) {
            XYSeries actions = chart.addSeries(Messages.get(l, "trend.actions"), actionDates, actionMarks);
            actions.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            actions.setMarker(SeriesMarkers.TRIANGLE_UP);
            actions.setMarkerColor(Color.DARK_GRAY);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The health bands as shaded areas, worst on top: each area fills from its upper edge down to zero and the next
     * (better) one is painted over it, so what shows is one band per level.
     */
    private static void shadeBands(XYChart chart, Language l, List<Date> span, double top) {
        double[] upper = {top, EDGES[3], EDGES[2], EDGES[1], EDGES[0]};
        CxHealth[] levels = {CxHealth.VERY_POOR, CxHealth.POOR, CxHealth.FAIR, CxHealth.GOOD, CxHealth.EXCELLENT};
        int[] tints = {0xF8D7D7, 0xFCE4CC, 0xFBF3C8, 0xE3F1DF, 0xD3EBD5};
        for (int i = 0; i < levels.length; i++) {
            double lower = i + 1 < upper.length ? upper[i + 1] : 0;
            String name = "≈ " + Messages.label(levels[i], l) + (i == upper.length - 1 ? " < " + upper[i] : " ≥ " + lower) + " %";
            XYSeries band = chart.addSeries(name, span, List.of(upper[i], upper[i]));
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(new Color(tints[i]));
            band.setLineColor(new Color(tints[i]));
        }
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
