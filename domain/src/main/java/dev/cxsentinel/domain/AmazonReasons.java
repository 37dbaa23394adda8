package dev.cxsentinel.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon's own reasons for a negative customer experience: the return reason texts the Voice of the Customer
 * dashboard shows as "Top NCX reason" (English and German) and the reason codes of the FBA customer returns
 * report ({@code SWITCHEROO}, {@code APPAREL_TOO_SMALL}, …), each mapped to a comment category. The table is
 * data, {@code amazon-reasons.tsv} beside this class, so a reviewer can read it.
 */
public final class AmazonReasons {
    private static final Map<String, CommentCategory> BY_TEXT = new HashMap<>();
    private static final Set<String> CUSTOMER_MISTAKES = new HashSet<>();

    static {
        load();
    }

    private AmazonReasons() {
    }

    /** The category of an Amazon reason text or return code, in any case or spacing; empty when it is none of them. */
    public static Optional<CommentCategory> categoryOf(String reason) {
        return reason == null || reason.isBlank() ? Optional.empty() : Optional.ofNullable(BY_TEXT.get(key(reason)));
    }

    /** A reason that says the customer, not the product or listing, caused the return ("Bought by mistake"). */
    public static boolean isCustomerMistake(String reason) {
        return reason != null && CUSTOMER_MISTAKES.contains(key(reason));
    }

    private static String key(String text) {
        StringBuilder b = new StringBuilder();
        for (String w : CommentClassifier.words(text)) {
            if (!w.equals("|")) {
                b.append(w).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static void load() {
        try (InputStream in = AmazonReasons.class.getResourceAsStream("amazon-reasons.tsv")) {
            if (in == null) {
                throw new IllegalStateException("amazon-reasons.tsv is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                CommentCategory category = CommentCategory.valueOf(f[1].strip());
                boolean mistake = f[0].strip().endsWith("!");
                for (int i = 0; i < f.length; i++) {
                    if (i == 1 || f[i].isBlank()) {
                        continue;
                    }
                    String k = key(f[i].strip().replace("!", ""));
                    BY_TEXT.putIfAbsent(k, category);
                    if (mistake) {
                        CUSTOMER_MISTAKES.add(k);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
