package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The weekly review's small chart: how many offers sat at each health level (and closed) at the end of each of the
 * last weeks, as stacked bars (XChart, headless), labelled in the channel's language.
 */
final class ReviewChart {
    private static final CxHealth[] LEVELS = {CxHealth.EXCELLENT, CxHealth.GOOD, CxHealth.FAIR, CxHealth.POOR,
            CxHealth.VERY_POOR, CxHealth.INSUFFICIENT_FEEDBACK};
    private static final int[] COLOURS = {0x1B5E20, 0x66BB6A, 0xFDD835, 0xFB8C00, 0xC62828, 0xB0BEC5};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReviewChart() {
    }

    static byte[] png(WeeklyReview r) {
        Language l = r.language();
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title(Messages.get(l, "review.chart.title")).xAxisTitle(Messages.get(l, "review.chart.week"))
                .yAxisTitle(Messages.get(l, "review.chart.offers")).build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(l == Language.DE ? "dd.MM." : "MMM d", l == Language.DE ? Locale.GERMAN : Locale.ENGLISH);
        List<String> weeks = r.weeks().stream().map(w -> day.format(w.weekStart())).toList();
        for (int i = 0; i < LEVELS.length; i++) {
            CxHealth level = LEVELS[i];
            List<Integer> counts = r.weeks().stream().map(w -> w.levels().getOrDefault(level, 0)).toList();
            add(chart, Messages.label(level, l), weeks, counts, COLOURS[i]);
        }
        add(chart, Messages.get(l, "review.chart.closed"), weeks, r.weeks().stream().map(WeeklyReview.WeekLevels::closed).toList(), 0x424242);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(CategoryChart chart, String name, List<String> weeks, List<Integer> counts, int colour) {
        CategorySeries series = chart.addSeries(name, new ArrayList<>(weeks), new ArrayList<Number>(counts));
        series.setFillColor(new Color(colour));
    }

    static String filename(WeeklyReview r) {
        return "cx-weekly-review-" + r.account().value() + "-" + r.to().minusDays(1) + ".png";
    }
}
