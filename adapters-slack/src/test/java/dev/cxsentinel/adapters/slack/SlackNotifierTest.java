package dev.cxsentinel.adapters.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against a local fake Slack Web API: payloads, threads, card updates, and Slack's failure modes. */
class SlackNotifierTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final ChannelLink LINK = new ChannelLink(new ChannelId("C0ALERTS"), ACCOUNT, Language.EN, new SlackUserId("U0ADMIN"), NOW);
    static final ChannelLink LINK_DE = new ChannelLink(new ChannelId("C0DE"), ACCOUNT, Language.DE, new SlackUserId("U0ADMIN"), NOW);

    FakeSlackApi slack;
    SlackNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlackApi();
        SlackSettings settings = new SlackSettings("xoxb-test-token", "0123456789abcdef0123456789abcdef", null,
                slack.apiUrl(), null, "<!subteam^S0CX>", Duration.ofMillis(700));
        notifier = new SlackNotifier(new SlackClients(settings), () -> NOW);
    }

    @AfterEach
    void stop() {
        slack.close();
        slack.assertNoViolations();
    }

    static Offer closedKettle(FulfilmentChannel channel) {
        Offer o = Offer.discover(new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02")), new CxObservation(
                new Asin("B08N5WRWNW"), "Kettle <!channel> & co", channel, CxHealth.VERY_POOR, NcxRate.ofPercent(9.8), 12, 122,
                "wrong item", LocalDate.of(2026, 11, 20), true), NOW).after();
        return o.addComments(List.of(new CustomerComment(LocalDate.of(2026, 11, 19), CommentCategory.WRONG_ITEM,
                "Wrong kettle <@U0CEO> <!here> see <https://evil.example|this>"))).after();
    }

    static Notification alert(ChannelLink link, Offer offer) {
        return Notification.owed(offer.id(), Notification.Kind.ALERT, link, EventType.CLOSED, CxHealth.POOR, offer.health(), null, 0, false, NOW);
    }

    static List<String> actionIds(JsonArray blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("actions")) {
                block.getAsJsonArray("elements").forEach(e -> ids.add(e.getAsJsonObject().get("action_id").getAsString()));
            }
        }
        return ids;
    }

    @Test
    void anAlertPostsTheCardWithTheButtonsTheOfferAllows() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        Notifier.Result result = notifier.send(alert(LINK, offer), offer, null);

        Notifier.Result.Sent sent = assertInstanceOf(Notifier.Result.Sent.class, result);
        FakeSlackApi.Call call = slack.calls("chat.postMessage").get(0);
        assertEquals(sent.messageTs(), call.param("_ts"));
        assertEquals("C0ALERTS", call.param("channel"));
        assertEquals("Bearer xoxb-test-token", call.authorization());
        JsonArray blocks = call.blocks();
        assertEquals(List.of(AlertCard.RELIST, AlertCard.DISPUTE, AlertCard.REMEDY, AlertCard.SNOOZE), actionIds(blocks));
        String all = blocks.toString();
        assertTrue(all.contains("Offer closed"), all);
        assertTrue(all.contains("Poor → "), "health before → after");
        assertTrue(all.contains("9.8 % (12 of 122 orders)"));
        assertTrue(all.contains("does not affect your account health"));
        assertTrue(all.contains("https://sellercentral.amazon.de/voice-of-the-customer"));
        assertTrue(all.contains("Removal order"), "advice for FBA wrong item");
        assertTrue(all.contains("A2EUQ1WTGCTBG2:DE:HB-KETTLE-02"), "buttons carry the offer");
        assertTrue(all.contains("\"confirm\""), "relist asks for confirmation");
    }

    @Test
    void textFromOutsideCanNeverPingAnyone() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        notifier.send(alert(LINK, offer), offer, null);
        String visible = slack.calls("chat.postMessage").get(0).visibleText();
        assertFalse(visible.contains("<!channel>"), visible);
        assertFalse(visible.contains("<!here>"), visible);
        assertFalse(visible.contains("<@U0CEO>"), visible);
        assertFalse(visible.contains("<https://evil.example"), visible);
        assertTrue(visible.contains("&lt;!channel&gt;"), visible);
        assertTrue(visible.contains("&lt;@U0CEO&gt;"), visible);
    }

    @Test
    void anFbmCardOffersOnlyTheDetailPageRemedy() {
        Offer offer = closedKettle(FulfilmentChannel.FBM);
        notifier.send(alert(LINK, offer), offer, null);
        String blocks = slack.calls("chat.postMessage").get(0).blocks().toString();
        assertTrue(blocks.contains("|detail-page"));
        assertFalse(blocks.contains("|removal"));
        assertFalse(blocks.contains("|disposal"));
    }

    @Test
    void aFollowUpGoesIntoTheThreadAndUpdatesTheCardInPlace() {
        Offer relisted = closedKettle(FulfilmentChannel.FBA).relist(new SlackUserId("U0ANNA"), "replaced the size chart", NOW).after();
        Notification followUp = Notification.owed(relisted.id(), Notification.Kind.FOLLOW_UP, LINK, EventType.RELISTED,
                null, relisted.health(), relisted.history().get(0), 0, false, NOW);

        assertInstanceOf(Notifier.Result.Sent.class, notifier.send(followUp, relisted, "1699999999.000001"));

        FakeSlackApi.Call line = slack.calls("chat.postMessage").get(0);
        assertEquals("1699999999.000001", line.param("thread_ts"));
        assertEquals("Relisted by <@U0ANNA>: replaced the size chart", line.param("text"));
        FakeSlackApi.Call update = slack.calls("chat.update").get(0);
        assertEquals("1699999999.000001", update.param("ts"));
        String card = update.blocks().toString();
        assertTrue(card.contains("Relist pending"), card);
        assertTrue(card.contains("Relisted by <@U0ANNA>"), "the card shows who acted");
        assertEquals(List.of(AlertCard.REMEDY, AlertCard.SNOOZE), actionIds(update.blocks()), "no relist button once relisted");
    }

    @Test
    void aConfirmedRelistThatIsStillAtRiskSaysSoInTheCardTitle() {
        Offer closed = closedKettle(FulfilmentChannel.FBA);
        Offer relisted = closed.relist(new SlackUserId("U0ANNA"), "", NOW).after();
        Offer active = relisted.observe(new CxObservation(relisted.asin(), relisted.productName(), relisted.channel(), CxHealth.POOR,
                relisted.ncxRate(), relisted.ncxOrders(), relisted.totalOrders(), (String) null, null, false), NOW).after();
        Notification confirmed = Notification.owed(active.id(), Notification.Kind.FOLLOW_UP, LINK, EventType.REACTIVATED_AFTER_RELIST,
                CxHealth.VERY_POOR, CxHealth.POOR, null, 0, false, NOW);
        assertEquals(":large_orange_circle: Active again, still at risk", AlertCard.title(confirmed, active, Language.EN));
        assertEquals(":large_orange_circle: Wieder aktiv, weiterhin gefährdet", AlertCard.title(confirmed, active, Language.DE));
    }

    @Test
    void theLastReminderIsEscalatedAndBroadcast() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        Notification reminder = Notification.owed(offer.id(), Notification.Kind.FOLLOW_UP, LINK, EventType.REMINDER,
                null, offer.health(), null, 3, true, NOW);
        notifier.send(reminder, offer, "1699999999.000001");
        FakeSlackApi.Call call = slack.calls("chat.postMessage").get(0);
        assertTrue(call.param("text").startsWith("<!subteam^S0CX> this closed offer needs an owner."), call.param("text"));
        assertTrue(call.param("text").contains("Last reminder (3)"), call.param("text"));
        assertTrue(List.of("true", "1").contains(call.param("reply_broadcast")), call.param("reply_broadcast"));
    }

    @Test
    void germanChannelsGetGermanCards() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        notifier.send(alert(LINK_DE, offer), offer, null);
        String blocks = slack.calls("chat.postMessage").get(0).blocks().toString();
        assertTrue(blocks.contains("Angebot geschlossen"), blocks);
        assertTrue(blocks.contains("Erneut anbieten"));
        assertTrue(blocks.contains("Kontozustand"));
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAreTransient() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        slack.enqueue("chat.postMessage", FakeSlackApi.Fault.rateLimited(7), FakeSlackApi.Fault.status(500),
                FakeSlackApi.Fault.slow(3000), FakeSlackApi.Fault.error("internal_error"));
        Notifier.Result.RetryLater limited = assertInstanceOf(Notifier.Result.RetryLater.class, notifier.send(alert(LINK, offer), offer, null));
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());
        assertTrue(limited.rateLimited());
        assertInstanceOf(Notifier.Result.RetryLater.class, notifier.send(alert(LINK, offer), offer, null));
        Notifier.Result.RetryLater timeout = assertInstanceOf(Notifier.Result.RetryLater.class, notifier.send(alert(LINK, offer), offer, null));
        assertTrue(timeout.reason().startsWith("network"), timeout.reason());
        assertInstanceOf(Notifier.Result.RetryLater.class, notifier.send(alert(LINK, offer), offer, null));
        assertInstanceOf(Notifier.Result.Sent.class, notifier.send(alert(LINK, offer), offer, null));
    }

    @Test
    void permanentErrorsFailWithTheReason() {
        Offer offer = closedKettle(FulfilmentChannel.FBA);
        for (String error : List.of("channel_not_found", "not_in_channel", "invalid_auth", "is_archived")) {
            slack.enqueue("chat.postMessage", FakeSlackApi.Fault.error(error));
            Notifier.Result.Failed failed = assertInstanceOf(Notifier.Result.Failed.class, notifier.send(alert(LINK, offer), offer, null));
            assertEquals(error, failed.reason());
        }
    }

    @Test
    void aDigestIsSplitToSlacksLimits() {
        List<DigestLine> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(new DigestLine(new OfferId(ACCOUNT, Marketplace.FR, new Sku("SKU-" + i)), new Asin("B07XJ8C8F5"),
                    "Product with a rather long name number " + i + " " + "x".repeat(40), EventType.IMPROVED, CxHealth.FAIR, CxHealth.GOOD));
        }
        Digest digest = new Digest("imp:C0ALERTS", ACCOUNT, LINK.channel(), Language.EN, "imp", lines, 1234, NOW, NOW,
                Notification.State.PENDING, 0, null, List.of());

        Notifier.Result.Sent sent = assertInstanceOf(Notifier.Result.Sent.class, notifier.sendDigest(digest));

        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertTrue(posts.size() >= 2, "3000 lines need more than 50 sections");
        assertEquals(sent.messageTs(), posts.get(0).param("_ts"));
        int lineCount = 0;
        for (FakeSlackApi.Call post : posts) {
            JsonArray blocks = post.blocks();
            assertTrue(blocks.size() <= 50, "at most 50 blocks");
            for (JsonElement b : blocks) {
                JsonObject block = b.getAsJsonObject();
                if (block.get("type").getAsString().equals("section")) {
                    String text = block.getAsJsonObject("text").get("text").getAsString();
                    assertTrue(text.length() <= 3000, "section text within 3000 characters");
                    lineCount += (int) text.lines().filter(l -> l.startsWith("• ")).count();
                }
            }
        }
        assertEquals(3000, lineCount, "every line delivered once");
        assertTrue(posts.get(posts.size() - 1).blocks().toString().contains("1234 more changes"));
    }
}
