package dev.cxsentinel.application.service;

import dev.cxsentinel.application.report.ReportRow;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.NcxReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fingerprint of an offer row: 64 bits of SHA-256 over everything the row says (the observation, its offer
 * key) and the version of the rules that apply it. Applying a row to the offer it left is a no-op in the domain
 * ({@code Offer.observe}), so an equal fingerprint means "unchanged". That holds for rows without a "Last updated"
 * date too: such a row is as of the day of the import, but the offer keeps that date only with a real change, so
 * the same dateless row on a later day is still a no-op (OfferTest) and its fingerprint, which has no date in it,
 * still means "unchanged".
 */
final class RowFingerprint {
    /** Raise when applying the same row could give another result than before (a change to Offer.observe). */
    private static final String RULES = "observe-v1";

    private RowFingerprint() {
    }

    static long of(ReportRow.OfferRow row) {
        String canonical = canonical(row);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every field exactly (not the display forms, which round), each behind a separator no value contains. */
    static String canonical(ReportRow.OfferRow row) {
        CxObservation o = row.observation();
        NcxReason reason = o.topReason();
        return String.join("\u0000", RULES, row.marketplace().name(), row.sku().value(), o.asin().value(), text(o.productName()),
                o.channel().name(), o.health().name(), o.ncxRate() == null ? NONE : Integer.toString(o.ncxRate().basisPoints()),
                text(o.ncxOrders()), text(o.totalOrders()), reason == null ? NONE : reason.text(),
                reason == null ? NONE : text(reason.sharePercent()), text(o.closedDate()), Boolean.toString(o.closed()),
                o.returnBadge() == null ? NONE : o.returnBadge().name(), text(o.asOf()));
    }

    private static final String NONE = "\u0001";

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }
}
