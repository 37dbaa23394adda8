package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.time.LocalDate;

/** The use-case tests' shared cast: one account, one linked channel, its people, and the closed kettle. */
final class TestData {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final ChannelId CHANNEL = new ChannelId("C0CXALERTS");
    static final SlackUserId ANNA = new SlackUserId("U0ANNA");
    static final SlackUserId BEN = new SlackUserId("U0BEN");
    static final SlackUserId ADMIN = new SlackUserId("U0ADMIN");
    static final ChannelLink LINK = new ChannelLink(CHANNEL, ACCOUNT, Language.EN, ADMIN, NOW);
    static final OfferId KETTLE = new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));

    private TestData() {
    }

    /** The kettle, closed on 20 November at Very poor, as first seen ten minutes ago. */
    static Offer closedKettle(FulfilmentChannel channel) {
        return Offer.discover(KETTLE, new CxObservation(new Asin("B08N5WRWNW"), "Kettle", channel, CxHealth.VERY_POOR,
                null, null, null, null, LocalDate.of(2026, 11, 20), true), NOW.minusSeconds(600)).after();
    }
}
