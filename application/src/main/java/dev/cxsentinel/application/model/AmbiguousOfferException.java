package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.Offer;
import java.util.List;
import java.util.stream.Collectors;

/** The ASIN or SKU names several offers (marketplaces, SKUs): the user chooses with {@code ASIN@DE} or the SKU. */
public final class AmbiguousOfferException extends ApplicationException {
    private final List<Offer> matches;
    private final String query;

    public AmbiguousOfferException(String query, List<Offer> matches) {
        super("ambiguous-offer", "\"" + query + "\" matches " + matches.size() + " offers: "
                + matches.stream().map(o -> o.id().sku() + "@" + o.id().marketplace() + " (ASIN " + o.asin() + ")")
                        .collect(Collectors.joining(", "))
                + ". Name one as SKU@MARKETPLACE or ASIN@MARKETPLACE, for example " + matches.get(0).id().sku() + "@"
                + matches.get(0).id().marketplace() + ".");
        this.matches = List.copyOf(matches);
        this.query = query;
    }

    public String query() {
        return query;
    }

    public List<Offer> matches() {
        return matches;
    }
}
