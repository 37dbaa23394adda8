package dev.cxsentinel.domain;

import java.util.Map;
import java.util.Objects;

/**
 * One thing the team should do, why (a {@link Ground} from Amazon's guidance) and what it rests on (the comment
 * categories with their counts, the top NCX reason, the return badge), so the seller can check it. Words are the
 * adapters' business: the domain gives codes. {@code disputeReason} only for DISPUTE.
 */
public record Advice(Kind kind, Ground ground, DisputeReason disputeReason, Basis basis) {
    public enum Kind { UPDATE_DETAIL_PAGE, REMOVAL_ORDER, DISPOSAL_ORDER, RELIST, DISPUTE, READ_COMMENTS }

    /** The rule that gave the advice. */
    public enum Ground {
        /** Closed, and a remedy was recorded since the closure. */
        CAUSE_FIXED,
        /** Comments about compatibility, size chart, images or description. */
        DETAIL_PAGE,
        /** FBA, and customers received the wrong item: remove and relabel the stock. */
        WRONG_ITEM_FBA,
        /** FBA, and items arrive damaged (inner packaging), defective or not as described: remove the stock. */
        FAULTY_STOCK_FBA,
        /** FBA faulty stock that cannot be sold as it is: dispose of it. */
        DISPOSE_IF_UNSELLABLE,
        /** Closed, and the comments are inaccurate (delivery, misunderstanding, fraud): dispute with that reason. */
        COMMENTS_INACCURATE,
        /** Closed, and the comments show no fundamental problem: relist. */
        NO_FUNDAMENTAL_PROBLEM,
        /** Closed with a product or listing problem not yet fixed: relist once the cause is fixed. */
        RELIST_AFTER_FIX,
        /** Closed, and neither comments nor a top NCX reason are known: read them before acting. */
        NO_COMMENTS_YET
    }

    /**
     * What the advice rests on: how many of the offer's comments show each category that led to it, the top NCX
     * reason when it took part, and the return badge when it is shown or at risk.
     */
    public record Basis(Map<CommentCategory, Integer> comments, NcxReason topReason, ReturnBadge returnBadge) {
        public static final Basis NOTHING = new Basis(Map.of(), null, null);

        public Basis {
            comments = Map.copyOf(comments);
        }

        public boolean isEmpty() {
            return comments.isEmpty() && topReason == null && returnBadge == null;
        }
    }

    public Advice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(basis, "basis");
        if ((kind == Kind.DISPUTE) != (disputeReason != null)) {
            throw new IllegalArgumentException("a dispute reason goes with DISPUTE advice only");
        }
    }
}
