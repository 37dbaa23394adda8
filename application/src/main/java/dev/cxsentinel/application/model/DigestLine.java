package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.OfferId;

/** One change in a digest. */
public record DigestLine(OfferId offerId, Asin asin, String productName, EventType event, CxHealth from, CxHealth to) {
}
