package dev.cxsentinel.application.port.out;

import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface LoadOffer {
    Optional<Offer> load(OfferId id);

    /** Loads many offers by id in one round trip; absent ids are missing from the map. */
    Map<OfferId, Offer> loadAll(Collection<OfferId> ids);
}
