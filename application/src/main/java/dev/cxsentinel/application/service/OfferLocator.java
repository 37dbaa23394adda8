package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.AmbiguousOfferException;
import dev.cxsentinel.application.model.OfferNotFoundException;
import dev.cxsentinel.application.port.in.OfferQuery;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the one offer a user means by an ASIN or SKU (optionally @MARKETPLACE) within a seller account. */
@Singleton
public class OfferLocator {
    private final FindOffers offers;

    @Inject
    public OfferLocator(FindOffers offers) {
        this.offers = offers;
    }

    public Offer locate(SellerAccountId account, OfferQuery query) {
        if (query.exact().isPresent() && !query.exact().get().account().equals(account)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.FOREIGN_CARD, null, List.of());
        }
        Map<String, Offer> matches = new LinkedHashMap<>();
        if (Asin.looksLikeAsin(query.key())) {
            offers.findByAsin(account, new Asin(query.key().toUpperCase(Locale.ROOT))).forEach(o -> matches.put(o.id().value(), o));
        }
        bySku(account, query.key()).forEach(o -> matches.put(o.id().value(), o));
        List<Offer> found = new ArrayList<>(matches.values());
        query.marketplace().ifPresent(m -> found.removeIf(o -> o.id().marketplace() != m));
        if (found.isEmpty()) {
            throw new OfferNotFoundException(query.toString(), account.value());
        }
        if (found.size() > 1) {
            throw new AmbiguousOfferException(query.toString(), found);
        }
        return found.get(0);
    }

    private List<Offer> bySku(SellerAccountId account, String key) {
        try {
            return offers.findBySku(account, new Sku(key));
        } catch (InvalidValueException e) {
            return List.of();
        }
    }
}
