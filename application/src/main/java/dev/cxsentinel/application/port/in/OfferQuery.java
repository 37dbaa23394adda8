package dev.cxsentinel.application.port.in;

import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.OfferId;
import java.util.Optional;

/**
 * How a user names an offer: an ASIN or a SKU, optionally {@code @MARKETPLACE} ({@code B07XJ8C8F5@DE},
 * {@code HB-KETTLE-02@FR}).
 */
public record OfferQuery(String key, Optional<Marketplace> marketplace, Optional<OfferId> exact) {
    public OfferQuery(String key, Optional<Marketplace> marketplace) {
        this(key, marketplace, Optional.empty());
    }

    /** The exact offer a button names (its account included): never resolved within another account. */
    public static OfferQuery of(OfferId id) {
        return new OfferQuery(id.sku().value(), Optional.of(id.marketplace()), Optional.of(id));
    }

    public OfferQuery {
        if (key == null || key.isBlank() || key.length() > 60 || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("offer", String.valueOf(key), "offer-query");
        }
        marketplace = marketplace == null ? Optional.empty() : marketplace;
        exact = exact == null ? Optional.empty() : exact;
    }

    public static OfferQuery parse(String text) {
        if (text == null) {
            throw new InvalidValueException("offer", "", "offer-query");
        }
        String t = text.strip();
        int at = t.lastIndexOf('@');
        if (at > 0 && at < t.length() - 1) {
            return new OfferQuery(t.substring(0, at), Optional.of(Marketplace.parse(t.substring(at + 1))));
        }
        return new OfferQuery(t, Optional.empty());
    }

    @Override
    public String toString() {
        return marketplace.map(m -> key + "@" + m.code()).orElse(key);
    }
}
