package dev.cxsentinel.application.port.out;

import dev.cxsentinel.domain.OfferId;
import java.util.Collection;
import java.util.Map;

/**
 * Which report row each offer was last brought in line with, as a fingerprint, so that a daily re-import can count
 * an offer whose row did not change as unchanged without reading it. A fingerprint is valid only while nothing else
 * has written the offer: every write of an offer voids it first (the store does that in its offer writes), and a
 * fingerprint recorded for an older version than the offer's last write is ignored.
 */
public interface ImportFingerprints {

    /** A row's fingerprint and the offer version that row left it at. */
    record Fingerprint(long hash, long version) { }

    /** The valid fingerprints on record for {@code ids} (offers without one are missing). */
    Map<OfferId, Long> recorded(Collection<OfferId> ids);

    /** Records that each offer is as its row left it at that version; a void or record for a newer version wins. */
    void record(Map<OfferId, Fingerprint> fingerprints);
}
