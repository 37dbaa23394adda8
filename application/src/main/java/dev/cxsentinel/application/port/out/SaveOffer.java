package dev.cxsentinel.application.port.out;

import dev.cxsentinel.domain.OfferId;
import java.util.List;
import java.util.Set;

public interface SaveOffer {
    /** Writes the change atomically; throws {@link ConcurrentUpdateException} when the stored version moved on. */
    void save(OfferChange change);

    /** Writes many changes; returns the ids whose write lost to a concurrent writer (the others are written). */
    Set<OfferId> saveAll(List<OfferChange> changes);
}
