package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * A sorted page ({@code sort} with {@code skip}/{@code limit}) read in one pass that keeps only the best
 * {@code skip + limit} documents. The library collects every matching document and sorts them all: a page of
 * {@code /cx list} on a store of 100,000 offers held 80,000 documents (hundreds of megabytes) to return ten. The
 * result is the library's: the same comparator, ties kept in the order the library would keep them (stream order).
 */
final class SortedPage {
    private SortedPage() {
    }

    /** Whether this query is a sorted page worth answering here. */
    static boolean applies(Document orderBy, int limit) {
        return orderBy != null && !orderBy.isEmpty() && !orderBy.containsKey("$natural") && limit > 0;
    }

    /** The best {@code keep} matching documents in sort order. */
    static List<Document> best(Stream<Document> all, BiPredicate<Document, Document> matches, Document query,
                               Comparator<Document> order, int keep) {
        record Ranked(Document document, long seq) { }
        Comparator<Ranked> ranked = Comparator.<Ranked, Document>comparing(Ranked::document, order).thenComparingLong(Ranked::seq);
        PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(ranked.reversed());
        long[] seq = {0};
        all.filter(d -> matches.test(d, query)).forEach(d -> {
            worstFirst.add(new Ranked(d, seq[0]++));
            if (worstFirst.size() > keep) {
                worstFirst.poll();
            }
        });
        List<Ranked> kept = new ArrayList<>(worstFirst);
        kept.sort(ranked);
        return kept.stream().map(Ranked::document).toList();
    }
}
