package dev.cxsentinel.adapters.mongo;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.time.LocalDate;

final class TestOffers {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final ChannelLink LINK = new ChannelLink(new ChannelId("C0CXALERTS"), ACCOUNT, Language.DE, new SlackUserId("U0ADMIN"), NOW);

    private TestOffers() {
    }

    static Offer offer(String sku, Marketplace marketplace, CxHealth health, boolean closed) {
        return Offer.discover(new OfferId(ACCOUNT, marketplace, new Sku(sku)), new CxObservation(new Asin("B08N5WRWNW"),
                "Kettle " + sku, FulfilmentChannel.FBA, health, NcxRate.ofPercent(9.8), 12, 122, "wrong item",
                closed ? LocalDate.of(2026, 11, 20) : null, closed), NOW).after();
    }

    static Notification alert(Offer offer) {
        return Notification.owed(offer.id(), Notification.Kind.ALERT, LINK, EventType.CLOSED, CxHealth.POOR,
                offer.health(), null, 0, false, NOW);
    }
}
