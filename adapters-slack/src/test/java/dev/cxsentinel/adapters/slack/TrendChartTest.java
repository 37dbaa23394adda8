package dev.cxsentinel.adapters.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The trend chart is a real PNG of sensible size in both languages (not a pixel test). */
class TrendChartTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Offer kettleWithHistory() {
        OfferId id = new OfferId(new SellerAccountId("A2EUQ1WTGCTBG2"), Marketplace.DE, new Sku("HB-KETTLE-02"));
        double[] rates = {1.2, 1.8, 2.9, 3.6, 5.4, 6.1, 8.4, 9.8, 7.2, 5.1, 3.9, 3.1};
        CxHealth[] levels = {CxHealth.GOOD, CxHealth.GOOD, CxHealth.FAIR, CxHealth.FAIR, CxHealth.POOR, CxHealth.POOR, CxHealth.VERY_POOR,
                CxHealth.VERY_POOR, CxHealth.POOR, CxHealth.POOR, CxHealth.FAIR, CxHealth.FAIR};
        LocalDate start = LocalDate.of(2026, 9, 1);
        Offer offer = Offer.discover(id, observation(levels[0], rates[0], false, start), NOW).after();
        for (int i = 1; i < rates.length; i++) {
            boolean closed = i == 7;
            offer = offer.observe(observation(levels[i], rates[i], closed, start.plusWeeks(i)), NOW).after();
            if (closed) {
                offer = offer.relist(new SlackUserId("U0ANNA"), "relabelled", start.plusWeeks(i).plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).after();
            }
        }
        return offer;
    }

    static CxObservation observation(CxHealth health, double rate, boolean closed, LocalDate asOf) {
        return new CxObservation(new Asin("B08N5WRWNW"), "Kettle 1.0 l, glass", FulfilmentChannel.FBA, health, NcxRate.ofPercent(rate),
                null, null, null, closed ? asOf : null, closed, null, asOf);
    }

    @Test
    void aPngOfSensibleSizeInEitherLanguage() throws Exception {
        Offer offer = kettleWithHistory();
        for (Language l : Language.values()) {
            byte[] png = TrendChart.png(offer, Duration.ofDays(90), NOW, l);
            assertTrue(png.length > 10_000 && png.length < 500_000, png.length + " bytes");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(900, image.getWidth());
            assertEquals(420, image.getHeight());
        }
        if (System.getProperty("cx.writeExample") != null) {
            Files.write(Path.of(System.getProperty("cx.writeExample")), TrendChart.png(offer, Duration.ofDays(90), NOW, Language.EN));
        }
    }

    @Test
    void periodsAreThoseTheHelpNames() {
        assertEquals(Duration.ofDays(90), TrendChart.period(null));
        assertEquals(Duration.ofDays(30), TrendChart.period("30d"));
        assertEquals(Duration.ofDays(365), TrendChart.period("1y"));
    }

    @Test
    void aCardCarriesATrendButtonOnceTheOfferHasAHistory() {
        Offer offer = kettleWithHistory();
        String card = AlertCard.card(SlackNotifierTest.alert(SlackNotifierTest.LINK, offer), offer, NOW).toString();
        assertTrue(card.contains(AlertCard.TREND), card);
        Offer fresh = SlackNotifierTest.closedKettle(FulfilmentChannel.FBA);
        assertTrue(!AlertCard.card(SlackNotifierTest.alert(SlackNotifierTest.LINK, fresh), fresh, NOW).toString().contains(AlertCard.TREND),
                "no trend to show for an offer seen once");
    }
}
