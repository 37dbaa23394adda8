package dev.cxsentinel.adapters.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The weekly review's words and chart, in both languages. */
class ReviewMessageTest {
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");

    static WeeklyReview review(Language language) {
        List<OfferId> closed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closed.add(new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-0" + i)));
        }
        List<WeeklyReview.WeekLevels> weeks = new ArrayList<>();
        LocalDate from = LocalDate.of(2026, 11, 16);
        for (int w = 0; w < 8; w++) {
            weeks.add(new WeeklyReview.WeekLevels(from.minusWeeks(7 - w), Map.of(CxHealth.EXCELLENT, 40 + w, CxHealth.GOOD, 30,
                    CxHealth.FAIR, 12, CxHealth.POOR, 6 + w % 3, CxHealth.VERY_POOR, 3 + w % 2), w / 3));
        }
        return new WeeklyReview("C0CX:2026-11-23", ACCOUNT, new ChannelId("C0CX"), language, from, from.plusWeeks(1),
                new WeeklyReview.Offers(7, closed), new WeeklyReview.Offers(9, closed.subList(0, 2)), WeeklyReview.Offers.NONE,
                new WeeklyReview.Offers(1, closed.subList(0, 1)), new WeeklyReview.Offers(3, closed.subList(0, 3)),
                List.of(new WeeklyReview.ReasonCount(CommentCategory.DAMAGED, 6), new WeeklyReview.ReasonCount(CommentCategory.SIZE_FIT, 3)), weeks);
    }

    @Test
    void namesTheFirstOffersAndCountsTheRestInTheChannelsLanguage() {
        String en = String.join("\n", ReviewMessage.lines(review(Language.EN)));
        assertTrue(en.contains("*Closed this week:* 7 · `HB-KETTLE-00@DE`, `HB-KETTLE-01@DE`") && en.contains("and 2 more"), en);
        assertTrue(en.contains("*Recovered this week:* 0\n"), "a part with none says 0 and names nobody: " + en);
        assertTrue(en.contains("damaged 6 · size/fit 3"), en);
        String de = String.join("\n", ReviewMessage.lines(review(Language.DE)));
        assertTrue(de.contains("*Diese Woche geschlossen:* 7") && de.contains("und 2 weitere") && de.contains("beschädigt 6"), de);
        assertEquals("Wochenbericht Kundenerfahrung für A2EUQ1WTGCTBG2: 7 geschlossen, 9 gefährdet, 0 erholt, 1 wieder eingestellt.",
                ReviewMessage.fallback(review(Language.DE)));
    }

    @Test
    void theBlocksKeepToSlacksLimits() {
        List<LayoutBlock> blocks = ReviewMessage.blocks(review(Language.DE));
        assertEquals(3, blocks.size());
        assertTrue(ReviewMessage.title(review(Language.DE)).length() <= 150);
        assertTrue(ReviewMessage.title(review(Language.EN)).contains("Nov 16, 2026 – Nov 22, 2026"), ReviewMessage.title(review(Language.EN)));
    }

    @Test
    void theChartIsAPngOfSensibleSize() throws Exception {
        for (Language l : Language.values()) {
            byte[] png = ReviewChart.png(review(l));
            assertTrue(png.length > 5_000 && png.length < 500_000, png.length + " bytes");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(720, image.getWidth());
            assertEquals(360, image.getHeight());
        }
        if (System.getProperty("cx.writeReviewExample") != null) {
            Files.write(Path.of(System.getProperty("cx.writeReviewExample")), ReviewChart.png(review(Language.EN)));
        }
    }
}
