package dev.cxsentinel.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rule 5: what to do about an offer, from Amazon's own guidance ("Probleme mit dem Status der Kundenerfahrung
 * lösen"), using every signal the data has: the categories of the comments with their counts, the top NCX
 * reason, the fulfilment channel, the status, the return badge and whether a remedy was recorded. A table of
 * (condition → advice), evaluated in order; each ground appears once.
 */
public final class Advisor {
    private static final Set<CommentCategory> DETAIL_PAGE = EnumSet.of(CommentCategory.COMPATIBILITY, CommentCategory.SIZE_FIT,
            CommentCategory.IMAGES_OR_DESCRIPTION, CommentCategory.NOT_AS_DESCRIBED);
    private static final Set<CommentCategory> FAULTY_STOCK = EnumSet.of(CommentCategory.DAMAGED, CommentCategory.DEFECTIVE,
            CommentCategory.NOT_AS_DESCRIBED);
    private static final Set<CommentCategory> WRONG_ITEM = EnumSet.of(CommentCategory.WRONG_ITEM);
    /** Everything but delivery and "other" is a problem with the product or the listing. */
    private static final Set<CommentCategory> FUNDAMENTAL = EnumSet.complementOf(EnumSet.of(CommentCategory.DELIVERY, CommentCategory.OTHER));

    private Advisor() {
    }

    /** The facts the advice depends on. */
    public record Situation(FulfilmentChannel channel, OfferStatus status, Map<CommentCategory, Integer> commentCounts,
                            int comments, NcxReason topReason, ReturnBadge returnBadge, DisputeReason inaccuracy,
                            boolean causeFixed) {
        public Situation {
            commentCounts = Map.copyOf(commentCounts);
        }

        boolean closed() {
            return status == OfferStatus.CLOSED;
        }

        boolean fba() {
            return channel == FulfilmentChannel.FBA;
        }

        Optional<CommentCategory> reasonCategory() {
            return topReason == null ? Optional.empty() : Optional.of(topReason.category());
        }

        boolean shows(Set<CommentCategory> wanted) {
            return commentCounts.keySet().stream().anyMatch(wanted::contains) || reasonCategory().filter(wanted::contains).isPresent();
        }

        boolean fundamentalProblem() {
            return shows(FUNDAMENTAL);
        }

        boolean nothingKnown() {
            return comments == 0 && topReason == null;
        }

        /** The comments and the reason behind {@code wanted}, for the seller to check. */
        Advice.Basis basis(Set<CommentCategory> wanted) {
            Map<CommentCategory, Integer> counts = new LinkedHashMap<>();
            commentCounts.forEach((c, n) -> {
                if (wanted.contains(c)) {
                    counts.put(c, n);
                }
            });
            NcxReason reason = reasonCategory().filter(wanted::contains).isPresent() ? topReason : null;
            ReturnBadge badge = returnBadge == ReturnBadge.DISPLAYED || returnBadge == ReturnBadge.AT_RISK ? returnBadge : null;
            return new Advice.Basis(counts, reason, badge);
        }
    }

    private record Rule(Predicate<Situation> when, Function<Situation, Advice> advice) { }

    private static final List<Rule> RULES = List.of(
            new Rule(s -> s.closed() && s.causeFixed(),
                    s -> new Advice(Advice.Kind.RELIST, Advice.Ground.CAUSE_FIXED, null, Advice.Basis.NOTHING)),
            new Rule(s -> s.shows(DETAIL_PAGE),
                    s -> new Advice(Advice.Kind.UPDATE_DETAIL_PAGE, Advice.Ground.DETAIL_PAGE, null, s.basis(DETAIL_PAGE))),
            new Rule(s -> s.fba() && s.shows(WRONG_ITEM),
                    s -> new Advice(Advice.Kind.REMOVAL_ORDER, Advice.Ground.WRONG_ITEM_FBA, null, s.basis(WRONG_ITEM))),
            new Rule(s -> s.fba() && s.shows(FAULTY_STOCK),
                    s -> new Advice(Advice.Kind.REMOVAL_ORDER, Advice.Ground.FAULTY_STOCK_FBA, null, s.basis(FAULTY_STOCK))),
            new Rule(s -> s.fba() && s.shows(FAULTY_STOCK),
                    s -> new Advice(Advice.Kind.DISPOSAL_ORDER, Advice.Ground.DISPOSE_IF_UNSELLABLE, null, s.basis(FAULTY_STOCK))),
            new Rule(s -> s.closed() && !s.causeFixed() && s.inaccuracy() != null && !s.fundamentalProblem(),
                    s -> new Advice(Advice.Kind.DISPUTE, Advice.Ground.COMMENTS_INACCURATE, s.inaccuracy(),
                            s.basis(EnumSet.of(CommentCategory.DELIVERY, CommentCategory.OTHER)))),
            new Rule(s -> s.closed() && !s.causeFixed() && s.nothingKnown(),
                    s -> new Advice(Advice.Kind.READ_COMMENTS, Advice.Ground.NO_COMMENTS_YET, null, Advice.Basis.NOTHING)),
            new Rule(s -> s.closed() && !s.causeFixed() && !s.nothingKnown() && !s.fundamentalProblem() && s.inaccuracy() == null,
                    s -> new Advice(Advice.Kind.RELIST, Advice.Ground.NO_FUNDAMENTAL_PROBLEM, null,
                            s.basis(EnumSet.allOf(CommentCategory.class)))),
            new Rule(s -> s.closed() && !s.causeFixed() && s.fundamentalProblem(),
                    s -> new Advice(Advice.Kind.RELIST, Advice.Ground.RELIST_AFTER_FIX, null, Advice.Basis.NOTHING)));

    public static List<Advice> advise(Offer offer) {
        return advise(situation(offer.channel(), offer.status(), offer.comments(), offer.topReason(),
                offer.observed().returnBadge(), offer.remedyRecordedSinceClosure()));
    }

    public static List<Advice> advise(FulfilmentChannel channel, OfferStatus status, List<CustomerComment> comments, boolean causeFixed) {
        return advise(situation(channel, status, comments, null, null, causeFixed));
    }

    public static Situation situation(FulfilmentChannel channel, OfferStatus status, List<CustomerComment> comments,
                                      NcxReason topReason, ReturnBadge badge, boolean causeFixed) {
        Map<CommentCategory, Integer> counts = new EnumMap<>(CommentCategory.class);
        comments.forEach(c -> c.categories().forEach(category -> counts.merge(category, 1, Integer::sum)));
        return new Situation(channel, status, counts, comments.size(), topReason, badge, inaccuracy(comments, topReason), causeFixed);
    }

    public static List<Advice> advise(Situation situation) {
        List<Advice> result = new ArrayList<>();
        Set<Advice.Ground> given = EnumSet.noneOf(Advice.Ground.class);
        for (Rule rule : RULES) {
            if (rule.when().test(situation)) {
                Advice advice = rule.advice().apply(situation);
                if (given.add(advice.ground())) {
                    result.add(advice);
                }
            }
        }
        return result;
    }

    /**
     * Grounds for a dispute, only on clear evidence: comments that say fraud or the customer's own mistake in
     * words, or that talk about the shipment (which Amazon does not count towards NCX), or a top NCX reason that is
     * a delivery problem or a customer's mistake.
     */
    static DisputeReason inaccuracy(List<CustomerComment> comments, NcxReason topReason) {
        boolean misunderstanding = false;
        for (CustomerComment c : comments) {
            Optional<CommentClassifier.DisputeGround> ground = CommentClassifier.disputeGround(c.text());
            if (ground.isPresent() && ground.get() == CommentClassifier.DisputeGround.FRAUD) {
                return DisputeReason.FRAUDULENT_COMMENTS;
            }
            misunderstanding |= ground.isPresent();
        }
        if (misunderstanding || (topReason != null && AmazonReasons.isCustomerMistake(topReason.text()))) {
            return DisputeReason.CUSTOMER_MISUNDERSTANDING;
        }
        boolean delivery = comments.stream().anyMatch(c -> c.categories().contains(CommentCategory.DELIVERY))
                || (topReason != null && topReason.category() == CommentCategory.DELIVERY);
        return delivery ? DisputeReason.DELIVERY_PROBLEMS : null;
    }
}
