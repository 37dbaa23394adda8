package dev.cxsentinel.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the comment classifier on the labelled corpus in {@code src/test/resources/corpus}: the share of
 * comments whose strongest category is an acceptable one, per category and language, and the share of comments
 * wrongly called delivery (the error that leads to a wrong dispute). The lexicon is tuned on the dev half only;
 * the held-out half is measured, never tuned on. Writes {@code target/classification-quality.md}, the table in
 * BENCHMARKS.md.
 */
class ClassificationQualityTest {
    static final double MIN_ACCURACY_DEV = 0.95;
    static final double MIN_ACCURACY_HELD_OUT = 0.90;
    static final double MAX_WRONG_DELIVERY = 0.01;

    record Labelled(String language, List<CommentCategory> acceptable, String text) { }

    record Score(int total, int right, int wrongDelivery, Map<String, Integer> confusion, Map<CommentCategory, int[]> perCategory,
                 List<String> misses) {
        double accuracy() {
            return total == 0 ? 0 : (double) right / total;
        }

        double wrongDeliveryRate() {
            return total == 0 ? 0 : (double) wrongDelivery / total;
        }
    }

    @Test
    void theClassifierMeetsItsBarOnBothHalvesOfTheCorpus() throws IOException {
        List<Labelled> dev = load("comments-dev.tsv");
        List<Labelled> heldOut = load("comments-holdout.tsv");
        Score devScore = score(dev);
        Score heldOutScore = score(heldOut);
        List<Labelled> all = new ArrayList<>(dev);
        all.addAll(heldOut);
        Score allScore = score(all);
        writeReport(dev.size(), heldOut.size(), devScore, heldOutScore, allScore, all);

        assertTrue(all.size() >= 400, "the corpus holds at least 400 comments");
        assertTrue(devScore.accuracy() >= MIN_ACCURACY_DEV, "dev accuracy " + devScore.accuracy() + "; misses:\n" + String.join("\n", devScore.misses()));
        assertTrue(heldOutScore.accuracy() >= MIN_ACCURACY_HELD_OUT, "held-out accuracy " + heldOutScore.accuracy()
                + "; misses:\n" + String.join("\n", heldOutScore.misses()));
        assertTrue(allScore.wrongDeliveryRate() <= MAX_WRONG_DELIVERY, "wrongly called delivery: " + allScore.wrongDeliveryRate()
                + "; misses:\n" + String.join("\n", allScore.misses()));
    }

    static Score score(List<Labelled> corpus) {
        int right = 0;
        int wrongDelivery = 0;
        Map<String, Integer> confusion = new HashMap<>();
        Map<CommentCategory, int[]> perCategory = new EnumMap<>(CommentCategory.class);
        List<String> misses = new ArrayList<>();
        for (Labelled l : corpus) {
            List<CommentCategory> got = CommentClassifier.classify(l.text());
            boolean ok = l.acceptable().contains(got.get(0));
            int[] counts = perCategory.computeIfAbsent(l.acceptable().get(0), c -> new int[2]);
            counts[1]++;
            if (ok) {
                right++;
                counts[0]++;
            } else {
                confusion.merge(l.acceptable().get(0) + " → " + got.get(0), 1, Integer::sum);
                misses.add(l.language() + " " + l.acceptable() + " got " + got + ": " + l.text());
            }
            if (got.contains(CommentCategory.DELIVERY) && !l.acceptable().contains(CommentCategory.DELIVERY)) {
                wrongDelivery++;
                misses.add("WRONG DELIVERY " + got + ": " + l.text());
            }
        }
        return new Score(corpus.size(), right, wrongDelivery, confusion, perCategory, misses);
    }

    static List<Labelled> load(String name) throws IOException {
        List<Labelled> rows = new ArrayList<>();
        try (InputStream in = ClassificationQualityTest.class.getResourceAsStream("/corpus/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                rows.add(new Labelled(f[0], Arrays.stream(f[1].split("\\|")).map(CommentCategory::valueOf).toList(), f[2].strip()));
            }
        }
        return rows;
    }

    private static void writeReport(int devSize, int heldOutSize, Score dev, Score heldOut, Score all, List<Labelled> corpus) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| set | comments | acceptable category | wrongly called delivery |%n|---|---|---|---|%n"));
        b.append(row("dev (tuned on)", devSize, dev)).append(row("held out (never tuned on)", heldOutSize, heldOut))
                .append(row("all", devSize + heldOutSize, all));
        for (String language : List.of("en", "de")) {
            Score s = score(corpus.stream().filter(l -> l.language().equals(language)).toList());
            b.append(row("all, " + language.toUpperCase(Locale.ROOT), s.total(), s));
        }
        b.append(String.format(Locale.ROOT, "%n| category (first label) | comments | acceptable |%n|---|---|---|%n"));
        all.perCategory().forEach((c, n) -> b.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% |%n", c, n[1], 100.0 * n[0] / n[1])));
        b.append(String.format(Locale.ROOT, "%n| most frequent confusions (expected → got) | count |%n|---|---|%n"));
        all.confusion().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8)
                .forEach(e -> b.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
        b.append("\nMisses:\n\n");
        all.misses().forEach(m -> b.append("- ").append(m).append('\n'));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("classification-quality.md"), b.toString());
        }
    }

    private static String row(String set, int size, Score s) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% |%n", set, size, 100 * s.accuracy(), 100 * s.wrongDeliveryRate());
    }
}
