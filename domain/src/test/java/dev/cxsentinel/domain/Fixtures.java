package dev.cxsentinel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final SlackUserId ANNA = new SlackUserId("U0ANNA");
    static final SlackUserId BEN = new SlackUserId("U0BEN");
    static final OfferId KETTLE = new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));

    private Fixtures() {
    }

    static CxObservation seen(CxHealth health, boolean closed) {
        return seen(health, closed, FulfilmentChannel.FBA);
    }

    static CxObservation seen(CxHealth health, boolean closed, FulfilmentChannel channel) {
        return new CxObservation(new Asin("B08N5WRWNW"), "Kettle", channel, health, NcxRate.ofPercent(9.8), 12, 122,
                "Wrong item", closed ? LocalDate.of(2026, 11, 20) : null, closed);
    }

    static Offer offer(CxHealth health, boolean closed) {
        return Offer.discover(KETTLE, seen(health, closed), NOW.minusSeconds(3600)).after();
    }

    static Offer fbmOffer(CxHealth health, boolean closed) {
        return Offer.discover(KETTLE, seen(health, closed, FulfilmentChannel.FBM), NOW.minusSeconds(3600)).after();
    }

    /** Up to {@code maxLength} characters drawn from {@code alphabet}: for comparing a short cut with its definition. */
    static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
