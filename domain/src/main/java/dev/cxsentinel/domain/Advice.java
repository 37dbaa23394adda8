package dev.cxsentinel.domain;

/** One thing the team should do, with a one-line reason in English and German. {@code disputeReason} only for DISPUTE. */
public record Advice(Kind kind, DisputeReason disputeReason, String reasonEn, String reasonDe) {
    public enum Kind { UPDATE_DETAIL_PAGE, REMOVAL_ORDER, DISPOSAL_ORDER, RELIST, DISPUTE }

    public Advice {
        if (kind == null || reasonEn == null || reasonDe == null) {
            throw new IllegalArgumentException("advice needs a kind and reasons");
        }
        if ((kind == Kind.DISPUTE) != (disputeReason != null)) {
            throw new IllegalArgumentException("a dispute reason goes with DISPUTE advice only");
        }
    }

    public String reason(Language language) {
        return language == Language.DE ? reasonDe : reasonEn;
    }
}
