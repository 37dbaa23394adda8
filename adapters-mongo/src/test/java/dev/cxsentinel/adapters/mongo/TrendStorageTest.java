package dev.cxsentinel.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.HealthPoint;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.junit.jupiter.api.Test;

/** What a year of history costs per offer in the stored document: measured, so the README's figure stays true. */
class TrendStorageTest {
    @Test
    void aYearOfDailyPointsStaysWithinItsBudgetAndRoundTrips() {
        OfferId id = new OfferId(new SellerAccountId("A2EUQ1WTGCTBG2"), Marketplace.DE, new Sku("HB-KETTLE-02"));
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        Offer offer = Offer.discover(id, observation(CxHealth.FAIR, 0, LocalDate.of(2025, 11, 1)), now).after();
        for (int day = 1; day <= 400; day++) {
            offer = offer.observe(observation(day % 2 == 0 ? CxHealth.POOR : CxHealth.VERY_POOR, day, LocalDate.of(2025, 11, 1).plusDays(day)), now).after();
        }
        assertEquals(HealthPoint.MAX_POINTS, offer.trend().size());
        Document withTrend = OfferMapper.fields(offer);
        Document without = new Document(withTrend);
        without.remove("trend");
        int perPoint = (size(withTrend) - size(without)) / HealthPoint.MAX_POINTS;
        assertTrue(perPoint <= 90, perPoint + " bytes per point (README: about 80)");
        Document stored = new Document(withTrend).append("_id", id.value()).append("version", 1L);
        assertEquals(offer.trend(), OfferMapper.offer(stored).trend(), "the points read back as written");
    }

    private static CxObservation observation(CxHealth health, int ncx, LocalDate asOf) {
        return new CxObservation(new Asin("B08N5WRWNW"), "Kettle", FulfilmentChannel.FBA, health, NcxRate.fromOrders(ncx % 50, 500),
                ncx % 50, 500, null, null, false, null, asOf);
    }

    private static int size(Document d) {
        BsonDocument bson = d.toBsonDocument(BsonDocument.class, CodecRegistries.fromProviders(new org.bson.codecs.DocumentCodecProvider(),
                new org.bson.codecs.ValueCodecProvider(), new org.bson.codecs.BsonValueCodecProvider(),
                new org.bson.codecs.IterableCodecProvider(), new org.bson.codecs.jsr310.Jsr310CodecProvider()));
        org.bson.io.BasicOutputBuffer out = new org.bson.io.BasicOutputBuffer();
        new org.bson.codecs.BsonDocumentCodec().encode(new org.bson.BsonBinaryWriter(out), bson,
                org.bson.codecs.EncoderContext.builder().build());
        return out.getPosition();
    }
}
