package dev.cxsentinel.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a customer comment (English or German) into the categories it shows, from the reviewable lexicon
 * {@code comment-lexicon.txt} beside this class. Matching is by whole words and word stems, never by substring:
 * {@code late} does not match "plate" or "chocolate". A phrase is dropped when a negation stands just before it in
 * the same clause ("not damaged, but too small" is size only). Amazon's own reason texts and return codes map
 * exactly, through {@link AmazonReasons}. Quality is measured on a labelled corpus (see BENCHMARKS.md). One
 * matcher (stems, gaps, compounds, negation, contrast) in one class, so the corpus score describes one thing.
 */
public final class CommentClassifier {
    /** How many words a negation may stand before the phrase it negates. */
    private static final int NEGATION_REACH = 3;
    /** How many other words a {@code ~} in a pattern lets stand between two words. */
    private static final int GAP = 3;
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "nothing", "none", "nor",
            "nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "nie", "niemals", "ohne", "weder", "nichts");
    private static final Set<String> CLAUSE_BREAKS = Set.of("but", "however", "though", "although", "yet", "except",
            "aber", "jedoch", "sondern", "allerdings", "dennoch", "trotzdem", "obwohl", "nur");
    /** On equal scores: product faults first, then the detail page, quality, and delivery last. */
    private static final List<CommentCategory> TIE_ORDER = List.of(CommentCategory.WRONG_ITEM, CommentCategory.DEFECTIVE,
            CommentCategory.DAMAGED, CommentCategory.MISSING_PARTS, CommentCategory.COMPATIBILITY, CommentCategory.SIZE_FIT,
            CommentCategory.NOT_AS_DESCRIBED, CommentCategory.IMAGES_OR_DESCRIPTION, CommentCategory.QUALITY,
            CommentCategory.DELIVERY, CommentCategory.OTHER);
    private static final List<Pattern> PATTERNS = load("comment-lexicon.txt");

    private CommentClassifier() {
    }

    /** A ground to contest a closure that a comment shows, beyond delivery (which is a category). */
    public enum DisputeGround { FRAUD, MISUNDERSTANDING }

    /** The categories a comment shows, strongest first; {@code [OTHER]} when it shows none. Never empty. */
    public static List<CommentCategory> classify(String text) {
        Optional<CommentCategory> exact = AmazonReasons.categoryOf(text);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        List<String> words = words(text);
        // Per category and word position, the longest phrase found there: a longer phrase is more specific
        // ("does not work with" beats "does not work"), and overlapping phrases at one place count once.
        Map<CommentCategory, Map<Integer, Integer>> found = new EnumMap<>(CommentCategory.class);
        for (Pattern p : PATTERNS) {
            if (p.category == null) {
                continue;
            }
            for (int start = 0; start < words.size(); start++) {
                if (p.matchesAt(words, start)) {
                    found.computeIfAbsent(p.category, c -> new HashMap<>()).merge(start, p.weight(), Math::max);
                }
            }
        }
        Map<CommentCategory, Integer> score = new EnumMap<>(CommentCategory.class);
        found.forEach((category, starts) -> score.put(category, starts.values().stream().mapToInt(Integer::intValue).sum()));
        if (score.isEmpty()) {
            return List.of(CommentCategory.OTHER);
        }
        return score.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue())
                        ? TIE_ORDER.indexOf(a.getKey()) - TIE_ORDER.indexOf(b.getKey()) : b.getValue() - a.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Fraud or a customer's misunderstanding, when the comment says so in words; fraud first. */
    public static Optional<DisputeGround> disputeGround(String text) {
        List<String> words = words(text);
        Optional<DisputeGround> found = Optional.empty();
        for (Pattern p : PATTERNS) {
            if (p.ground != null && p.matches(words)) {
                if (p.ground == DisputeGround.FRAUD) {
                    return Optional.of(DisputeGround.FRAUD);
                }
                found = Optional.of(p.ground);
            }
        }
        if (found.isEmpty() && AmazonReasons.isCustomerMistake(text)) {
            return Optional.of(DisputeGround.MISUNDERSTANDING);
        }
        return found;
    }

    /**
     * Lower-case words with umlauts spelled out (ä → ae, ß → ss), English contractions opened ("doesn't" → "does
     * not"), and a clause break ({@code |}) for punctuation and contrast words.
     */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String t = fold(text.replace('’', '\'').replace('`', '\''))
                .replace("won't", "will not").replace("can't", "can not").replace("cannot", "can not")
                .replace("n't", " not");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                String w = word.toString();
                words.add(CLAUSE_BREAKS.contains(w) ? "|" : w);
                word.setLength(0);
            }
            if (".,;:!?()\n".indexOf(c) >= 0 && (words.isEmpty() || !words.get(words.size() - 1).equals("|"))) {
                words.add("|");
            }
        }
        return words;
    }

    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    }

    /** One lexicon line: a sequence of word tests, for a category or a dispute ground. */
    private record Pattern(CommentCategory category, DisputeGround ground, List<WordTest> tests, List<Boolean> gapBefore,
                           boolean negationProof, Pattern alsoSomewhere) {
        /** A longer phrase is more specific; a phrase that needs a second one anywhere ({@code &}) counts as weak evidence. */
        int weight() {
            return alsoSomewhere != null ? 1 : tests.size();
        }

        boolean matches(List<String> words) {
            for (int start = 0; start < words.size(); start++) {
                if (matchesAt(words, start)) {
                    return true;
                }
            }
            return false;
        }

        boolean matchesAt(List<String> words, int start) {
            return tests.get(0).test(words.get(start)) && matchFrom(words, start) && (negationProof || !negated(words, start))
                    && (alsoSomewhere == null || alsoSomewhere.matches(words));
        }

        private boolean matchFrom(List<String> words, int start) {
            int at = start;
            for (int k = 1; k < tests.size(); k++) {
                int reach = gapBefore.get(k) ? GAP + 1 : 1;
                int found = -1;
                for (int j = at + 1; j <= Math.min(words.size() - 1, at + reach); j++) {
                    if (words.get(j).equals("|")) {
                        break;
                    }
                    if (tests.get(k).test(words.get(j))) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    return false;
                }
                at = found;
            }
            return true;
        }

        private static boolean negated(List<String> words, int start) {
            for (int j = start - 1; j >= Math.max(0, start - NEGATION_REACH); j--) {
                String w = words.get(j);
                if (w.equals("|")) {
                    return false;
                }
                if (NEGATIONS.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code word} exactly, {@code stem*} as a prefix, {@code *part*} anywhere inside a word, {@code *end} as a suffix. */
    private record WordTest(String text, boolean prefix, boolean suffix) {
        static WordTest of(String token) {
            boolean starts = token.startsWith("*");
            boolean ends = token.endsWith("*") && token.length() > 1;
            String core = token.substring(starts ? 1 : 0, token.length() - (ends ? 1 : 0));
            return new WordTest(fold(core), ends, starts);
        }

        boolean test(String word) {
            if (prefix && suffix) {
                return word.contains(text);
            }
            if (prefix) {
                return word.startsWith(text);
            }
            if (suffix) {
                return word.endsWith(text);
            }
            return word.equals(text);
        }
    }

    private static List<Pattern> load(String resource) {
        List<Pattern> patterns = new ArrayList<>();
        try (InputStream in = CommentClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the comment lexicon " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                patterns.add(parse(l, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(patterns);
    }

    private static Pattern parse(String line, int number) {
        String[] parts = line.split("\\s+", 2);
        if (parts.length < 2) {
            throw new IllegalStateException("comment lexicon line " + number + ": a label and a phrase expected: " + line);
        }
        String label = parts[0];
        boolean negationProof = label.endsWith("!");
        label = negationProof ? label.substring(0, label.length() - 1) : label;
        CommentCategory category = null;
        DisputeGround ground = null;
        if (label.startsWith("@")) {
            ground = DisputeGround.valueOf(label.substring(1));
        } else {
            category = CommentCategory.valueOf(label);
        }
        String phrase = parts[1].strip();
        Pattern second = null;
        int and = phrase.indexOf(" & ");
        if (and > 0) {
            second = parse(parts[0].replace("!", "") + "! " + phrase.substring(and + 3), number);
            phrase = phrase.substring(0, and);
        }
        List<WordTest> tests = new ArrayList<>();
        List<Boolean> gaps = new ArrayList<>();
        boolean gap = false;
        for (String token : phrase.split("\\s+")) {
            if (token.equals("~")) {
                gap = true;
                continue;
            }
            // A token with punctuation inside ("wi-fi", "usb-c") is matched as its words.
            for (String w : words(token.replace("*", "zqx"))) {
                if (w.equals("|")) {
                    continue;
                }
                tests.add(WordTest.of(w.replace("zqx", "*")));
                gaps.add(gap);
                gap = false;
            }
        }
        if (tests.isEmpty()) {
            throw new IllegalStateException("comment lexicon line " + number + ": no words in: " + line);
        }
        return new Pattern(category, ground, tests, gaps, negationProof, second);
    }
}
