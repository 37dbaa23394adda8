package dev.cxsentinel.bootstrap;

import static dev.cxsentinel.bootstrap.TestApp.ADMIN;
import static dev.cxsentinel.bootstrap.TestApp.ANNA;
import static dev.cxsentinel.bootstrap.TestApp.CHANNEL;
import static dev.cxsentinel.bootstrap.TestApp.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.cxsentinel.adapters.slack.AlertCard;
import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.domain.ActionType;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed requests into the real Bolt app, through the real use cases and store, observed at a fake Slack Web API. */
class SlackAppTest {
    TestApp app;
    static final String KETTLE = "A2EUQ1WTGCTBG2:DE:HB-KETTLE-02";

    @BeforeEach
    void start() throws Exception {
        app = new TestApp().withExampleData();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    Offer kettle() {
        return app.offer(Marketplace.DE, "HB-KETTLE-02");
    }

    int auditSize() {
        return app.injector.getInstance(AuditLog.class).recent(TestApp.ACCOUNT, 10_000).size();
    }

    // ---- commands ----

    @Test
    void helpListsEverySubcommandWithAnExample() throws Exception {
        TestApp.Answer answer = app.command(ANNA, "help");
        assertEquals(200, answer.status());
        for (String sub : List.of("status", "list", "relist", "dispute", "remedy", "snooze", "link", "grant", "revoke")) {
            assertTrue(answer.text().contains("/cx " + sub), sub);
        }
        assertFalse(answer.announced());
    }

    @Test
    void anUnknownSubcommandSaysWhatWasWrongAndTheRightForm() throws Exception {
        String text = app.command(ANNA, "relsit HB-KETTLE-02").text();
        assertTrue(text.contains("is not a CX Sentinel command"), text);
        assertTrue(text.contains("/cx help"), text);
        assertTrue(app.command(ANNA, "dispute HB-KETTLE-02").text().contains("/cx dispute <ASIN or SKU> <delivery|misunderstanding|fraud|other> [note]"));
        assertTrue(app.command(ANNA, "remedy HB-KETTLE-02 polish").text().contains("is not a remedy"));
        assertTrue(app.command(ANNA, "snooze HB-KETTLE-02 forever").text().contains("30m, 2h, 3d or 1w"));
        assertTrue(app.command(ANNA, "list superb").text().contains("poor, very-poor, closed or pending"));
    }

    @Test
    void statusShowsHealthRateCommentsAdviceAndHistory() throws Exception {
        app.command(ANNA, "remedy HB-KETTLE-02 removal relabelled 40 units");
        String text = app.command(ANNA, "status B08N5WRWNW").text();
        assertTrue(text.contains("Very poor"), text);
        assertTrue(text.contains("9.8 % (12 of 122 orders)"), text);
        assertTrue(text.contains("Closed"), text);
        assertTrue(text.contains("wrong item"), text);
        assertTrue(text.contains("Box contained a different kettle"), text);
        assertTrue(text.contains("Relist"), "advice: a remedy was recorded, so relist");
        assertTrue(text.contains("relabelled 40 units"), "history");
    }

    @Test
    void anAsinWithSeveralOffersAsksWhichOne() throws Exception {
        String text = app.command(ANNA, "status B09G9FPHY6").text();
        assertTrue(text.contains("matches 2 offers"), text);
        assertTrue(text.contains("CASE-IP14-BLK@DE") && text.contains("CASE-IP14-BLK@FR"), text);
        assertTrue(app.command(ANNA, "status B09G9FPHY6@FR").text().contains("Fair"));
        assertTrue(app.command(ANNA, "status NOPE-SKU").text().contains("No offer of account"));
    }

    @Test
    void listPagesTheOffersThatNeedAttention() throws Exception {
        String all = app.command(ANNA, "list").text();
        assertTrue(all.indexOf("HB-KETTLE-02") < all.indexOf("CASE-IP14-BLK"), "closed first");
        assertFalse(all.contains("TSHIRT-M-RED"), "excellent offers need no attention");
        String closed = app.command(ANNA, "list closed").text();
        assertTrue(closed.contains("HB-KETTLE-02") && !closed.contains("CASE-IP14-BLK"), closed);
        assertTrue(app.command(ANNA, "list pending").text().contains("No offer needs attention"));
    }

    /**
     * A relist's audit line is not committed on its own on the embedded store: should an unclean stop lose it, the
     * start-up's repair writes it again from the offer's history, the same line once.
     */
    @Test
    void aRelistsAuditLineLostWithAnUncleanStopIsBackAfterTheStartUpsRepair() throws Exception {
        app.command(ANNA, "relist HB-KETTLE-02 replaced the glass jug stock");
        AuditLog audit = app.injector.getInstance(AuditLog.class);
        AuditEntry line = audit.recent(TestApp.ACCOUNT, 100).stream().filter(e -> e.action().equals("relist")).findFirst().orElseThrow();
        app.mongo.database().getCollection("offer_actions").drop(); // what the store had not committed yet when it died

        Wiring.prepareStore(app.injector, StoreConnection.of(app.mongo, "test store")); // the next start after an unclean stop

        List<AuditEntry> relists = audit.recent(TestApp.ACCOUNT, 100).stream().filter(e -> e.action().equals("relist")).toList();
        assertEquals(List.of(line), relists);
        assertTrue(line.detail().contains("replaced the glass jug stock") && line.target().endsWith("HB-KETTLE-02"), line.toString());
    }

    @Test
    void relistAnnouncesAndTheThreadShowsItOnceDelivered() throws Exception {
        deliver();
        String cardTs = app.slack.delivered().stream().filter(c -> c.param("text").contains("HB-KETTLE-02")).findFirst().orElseThrow().param("_ts");

        TestApp.Answer answer = app.command(ANNA, "relist HB-KETTLE-02 replaced the glass jug stock");
        assertTrue(answer.announced());
        assertTrue(answer.text().contains("<@U0ANNA> relisted `HB-KETTLE-02@DE`: replaced the glass jug stock"), answer.text());
        assertEquals(OfferStatus.RELIST_PENDING, kettle().status());

        deliver();
        FakeSlackApi.Call line = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && cardTs.equals(c.param("thread_ts")), Duration.ofSeconds(5));
        assertEquals("Relisted by <@U0ANNA>: replaced the glass jug stock", line.param("text"));
        FakeSlackApi.Call update = app.slack.awaitCall(c -> c.method().equals("chat.update"), Duration.ofSeconds(5));
        assertEquals(cardTs, update.param("ts"));
        assertTrue(update.blocks().toString().contains("Relist pending"));
    }

    @Test
    void aSecondRelistSaysWhoWasFirst() throws Exception {
        app.command(ANNA, "relist HB-KETTLE-02");
        String text = app.command(ADMIN, "relist HB-KETTLE-02").text();
        assertTrue(text.contains("Already relisted by <@U0ANNA>"), text);
        assertEquals(1, kettle().history().size());
    }

    @Test
    void disputeNeedsAReasonAndOtherNeedsANote() throws Exception {
        assertTrue(app.command(ANNA, "dispute HB-KETTLE-02 because").text().contains("is not a dispute reason"));
        assertTrue(app.command(ANNA, "dispute HB-KETTLE-02 other").text().contains("needs an explanation"));
        assertEquals(OfferStatus.CLOSED, kettle().status());
        TestApp.Answer ok = app.command(ANNA, "dispute HB-KETTLE-02@DE fraud competitor wrote these");
        assertTrue(ok.announced(), ok.text());
        assertEquals(DisputeReason.FRAUDULENT_COMMENTS, kettle().history().get(0).reason());
        assertEquals(OfferStatus.RELIST_PENDING, kettle().status());
    }

    @Test
    void domainRefusalsExplainAndChangeNothing() throws Exception {
        String text = app.command(ANNA, "remedy CASE-IP14-BLK@DE disposal").text();
        assertTrue(text.contains("only to stock at Amazon (FBA)"), text);
        assertTrue(app.command(ANNA, "relist CASE-IP14-BLK@DE").text().contains("only a closed offer can be relisted"));
        assertTrue(app.offer(Marketplace.DE, "CASE-IP14-BLK").history().isEmpty());
    }

    @Test
    void snoozeAndRemedyAreRecorded() throws Exception {
        assertTrue(app.command(ANNA, "snooze CASE-IP14-BLK@DE 3d").announced());
        assertTrue(app.command(ANNA, "remedy CASE-IP14-BLK@DE detail-page added the compatibility note").announced());
        List<ActionType> types = app.offer(Marketplace.DE, "CASE-IP14-BLK").history().stream().map(a -> a.type()).toList();
        assertEquals(List.of(ActionType.SNOOZED, ActionType.REMEDY_RECORDED), types);
        assertTrue(app.command(ANNA, "snooze CASE-IP14-BLK@DE 5w").text().contains("at most 30 days"));
    }

    // ---- administration and refusals ----

    @Test
    void onlyAdminsLinkChannelsAndGrantRoles() throws Exception {
        String refused = app.command(ANNA, "link A1OTHERACCOUNT de").text();
        assertTrue(refused.contains("Only CX Sentinel admins can link"), refused);
        assertEquals(TestApp.ACCOUNT, app.injector.getInstance(ChannelLinks.class).find(new ChannelId(CHANNEL)).orElseThrow().account());

        TestApp.Answer linked = app.command(ADMIN, "C0NEWCHAN", FakeSlackApi.TEAM, "link A2EUQ1WTGCTBG2 de");
        assertTrue(linked.text().contains("Verkäuferkonto"), "German for a channel linked with de: " + linked.text());

        assertTrue(app.command(STRANGER, "relist HB-KETTLE-02").text().contains("operator role"));
        assertTrue(app.command(ADMIN, "grant <@U0STRANGER|stranger>").text().contains("<@U0STRANGER> may now act"));
        assertTrue(app.command(STRANGER, "relist HB-KETTLE-02").announced());
        assertTrue(app.command(ADMIN, "revoke <@U0STRANGER>").text().contains("no longer has the operator role"));
        assertTrue(app.command(ADMIN, "grant @stranger").text().contains("Mention them with @"));
    }

    @Test
    void aUserWithoutTheRoleIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        int before = auditSize();
        String text = app.command(STRANGER, "relist HB-KETTLE-02").text();
        assertTrue(text.contains("You need the operator role for seller account A2EUQ1WTGCTBG2"), text);
        assertTrue(text.contains("<@U0ADMIN>"), "says whom to ask");
        assertEquals(OfferStatus.CLOSED, kettle().status());
        assertEquals(before, auditSize());
    }

    @Test
    void anUnlinkedChannelIsToldHowToLinkIt() throws Exception {
        String text = app.command(ANNA, "C0UNLINKED", FakeSlackApi.TEAM, "status HB-KETTLE-02").text();
        assertTrue(text.contains("not linked to a seller account"), text);
        assertTrue(text.contains("/cx link"), text);
    }

    @Test
    void requestsFromAnotherWorkspaceAreRefused() throws Exception {
        TestApp.Answer answer = app.command(ANNA, CHANNEL, "T0OTHER", "relist HB-KETTLE-02");
        assertEquals(200, answer.status());
        assertTrue(answer.text().contains("serves another Slack workspace"), answer.text());
        assertEquals(OfferStatus.CLOSED, kettle().status());
    }

    @Test
    void mentionsInNotesAreEscaped() throws Exception {
        TestApp.Answer answer = app.command(ANNA, "relist HB-KETTLE-02 <!channel> look <@U0CEO>");
        assertFalse(answer.body().contains("<!channel>"), answer.body());
        assertFalse(answer.body().contains("<@U0CEO>"), answer.body());
        deliver();
        for (FakeSlackApi.Call call : app.slack.calls()) {
            assertFalse(call.visibleText().contains("<!channel>"), call.visibleText());
            assertFalse(call.visibleText().contains("<@U0CEO>"), call.visibleText());
        }
    }

    // ---- request security ----

    @Test
    void badSignaturesAndStaleOrFutureTimestampsAre401AndChangeNothing() throws Exception {
        String body = "team_id=T0TEST&channel_id=C0ALERTS&user_id=U0ANNA&command=%2Fcx&text=relist+HB-KETTLE-02";
        long now = Instant.now().getEpochSecond();
        String current = Long.toString(now);
        assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", current, "v0=" + "0".repeat(64)).status());
        assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", current, null).status());
        assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", null, null).status());
        for (long ts : new long[] {now - 301, now + 301}) {
            String t = Long.toString(ts);
            assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", t, app.signer.sign(t, body.getBytes(StandardCharsets.UTF_8))).status());
        }
        String tampered = app.signer.sign(current, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(401, app.postSigned(body + "x", "application/x-www-form-urlencoded", current, tampered).status());
        assertEquals(OfferStatus.CLOSED, kettle().status());
    }

    @Test
    void theSameSignedRequestTwiceIsAReplayAndActsOnce() throws Exception {
        String body = "team_id=" + FakeSlackApi.TEAM + "&channel_id=" + CHANNEL + "&user_id=" + ANNA
                + "&command=%2Fcx&text=remedy+HB-KETTLE-02+removal&trigger_id=" + TestApp.trigger();
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = app.signer.sign(ts, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, app.postSigned(body, "application/x-www-form-urlencoded", ts, signature).status());
        assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", ts, signature).status());
        assertEquals(401, app.postSigned(body, "application/x-www-form-urlencoded", ts, signature).status());
        assertEquals(1, kettle().history().size(), "one remedy recorded, not three");
    }

    @Test
    void anUnsignedSslCheckIsAnswered200() throws Exception {
        assertEquals(200, app.postSigned("ssl_check=1&token=legacy", "application/x-www-form-urlencoded", null, null).status());
    }

    @Test
    void requestsThatAreNotPositivelyFromOurWorkspaceAreRefused() throws Exception {
        TestApp.Answer noTeam = app.post("channel_id=" + CHANNEL + "&user_id=" + ADMIN + "&command=%2Fcx&text=grant+%3C%40U0EVE%3E&trigger_id="
                + TestApp.trigger());
        assertTrue(noTeam.body().contains("serves another Slack workspace"), noTeam.body());
        String press = app.blockAction(ANNA, CHANNEL, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false);
        String ours = "\"team\": {\"id\": \"" + FakeSlackApi.TEAM + "\", \"domain\": \"cx-test\"}";
        assertTrue(press.contains(ours));
        assertEquals(200, app.interaction(press.replaceFirst("\\{", "{\"team_id\":\"T0OTHER\",")).status());
        assertEquals(200, app.interaction(press.replace(ours, "\"team\":null")).status());
        assertEquals(200, app.interaction(press.replace(ours, "\"team\":{\"id\":\"T0OTHER\"}")).status());
        Thread.sleep(300);
        assertTrue(app.slack.calls("response_url").stream().allMatch(c -> c.param("text").contains("serves another Slack workspace")),
                "the foreign clicks are told so, none is acted on: " + app.slack.calls("response_url"));
        assertEquals(2, app.slack.calls("response_url").size(), "both clicks naming another workspace are told so");
        app.slack.reset();
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false));
        app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertEquals(1, kettle().history().size(), "only the press from our workspace acted");
    }

    @Test
    void aMalformedButtonValueAnswersThatTheCardIsOutdatedAndLogsSafely() throws Exception {
        assertEquals(200, app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.RELIST,
                "garbage\\n12:00:00 INFO Audit - admin granted operator", false)).status());
        FakeSlackApi.Call answer = app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertTrue(answer.param("text").contains("out of date"), answer.body());
    }

    @Test
    void aButtonNamingAnotherAccountsOfferIsRefusedWithoutShowingIt() throws Exception {
        String foreign = CHANNEL + "|A3OTHERACCOUNT9:DE:HB-KETTLE-02";
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.RELIST, foreign, false));
        FakeSlackApi.Call answer = app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertTrue(answer.param("text").contains("another seller account"), answer.body());
        assertFalse(answer.param("text").contains("Now:"), "no offer state is shown: " + answer.body());
        assertEquals(OfferStatus.CLOSED, kettle().status(), "this account's kettle was not touched");
    }

    /**
     * Message events as Slack sends them (shapes from https://api.slack.com/events/message and its subtype pages:
     * message_changed, message_deleted, bot_message, me_message, thread_broadcast, message_replied, channel_join,
     * channel_leave, channel_topic, channel_purpose, channel_name, ekm_access_denied, thread replies, DMs), in the
     * Events API envelope of {@code slack/event_callback.json}: each is answered 200 and ignored.
     */
    @Test
    void everyMessageEventIsAnswered200() throws Exception {
        List<String> events = List.of(
                "{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"Hello world\",\"ts\":\"1355517523.000005\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"a reply\",\"ts\":\"1355517524.000005\",\"thread_ts\":\"1355517523.000005\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"subtype\":\"message_changed\",\"hidden\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1358878755.000001\","
                        + "\"message\":{\"type\":\"message\",\"user\":\"U0BOT\",\"text\":\"Hello, world!\",\"ts\":\"1355517523.000005\",\"edited\":{\"user\":\"U0BOT\",\"ts\":\"1358878755.000001\"}}}",
                "{\"type\":\"message\",\"subtype\":\"message_deleted\",\"hidden\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1358878755.000001\",\"deleted_ts\":\"1358878749.000002\"}",
                "{\"type\":\"message\",\"subtype\":\"bot_message\",\"ts\":\"1358877455.000010\",\"text\":\"Pushing is the answer\",\"bot_id\":\"BB12033\",\"username\":\"github\",\"channel\":\"" + CHANNEL + "\"}",
                "{\"type\":\"message\",\"channel\":\"D0DIRECT\",\"user\":\"" + ANNA + "\",\"text\":\"hi bot\",\"ts\":\"1355517525.000005\",\"channel_type\":\"im\"}",
                "{\"type\":\"message\",\"subtype\":\"channel_join\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"<@" + ANNA + "> has joined the channel\",\"ts\":\"1355517526.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"me_message\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"is doing that thing\",\"ts\":\"1355517527.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"thread_broadcast\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"also sent to the channel\","
                        + "\"ts\":\"1355517528.000005\",\"thread_ts\":\"1355517523.000005\",\"root\":{\"type\":\"message\",\"text\":\"root\",\"ts\":\"1355517523.000005\"}}",
                "{\"type\":\"message\",\"subtype\":\"channel_leave\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"text\":\"<@" + ANNA + "> has left the channel\",\"ts\":\"1355517529.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"channel_topic\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"topic\":\"CX alerts\",\"text\":\"<@" + ANNA + "> set the channel topic: CX alerts\",\"ts\":\"1355517530.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"channel_purpose\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"purpose\":\"alerts\",\"text\":\"<@" + ANNA + "> set the channel purpose: alerts\",\"ts\":\"1355517531.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"channel_name\",\"channel\":\"" + CHANNEL + "\",\"user\":\"" + ANNA + "\",\"old_name\":\"cx\",\"name\":\"cx-alerts\",\"text\":\"<@" + ANNA + "> has renamed the channel from \\\"cx\\\" to \\\"cx-alerts\\\"\",\"ts\":\"1355517532.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"ekm_access_denied\",\"channel\":\"" + CHANNEL + "\",\"user\":\"UREVOKEDU\",\"text\":\"Your admins have suspended everyone's access to this content.\",\"ts\":\"1355517533.000005\"}",
                "{\"type\":\"message\",\"subtype\":\"message_replied\",\"hidden\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1483037604.017506\","
                        + "\"message\":{\"type\":\"message\",\"user\":\"" + ANNA + "\",\"text\":\"Was there was there was there what was there was there what was there was there there was there.\",\"thread_ts\":\"1482960137.003543\",\"reply_count\":1,\"ts\":\"1482960137.003543\"},\"event_ts\":\"1483037604.017506\"}",
                "{\"type\":\"reaction_added\",\"user\":\"" + ANNA + "\",\"reaction\":\"thumbsup\",\"item\":{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"ts\":\"1360782400.498405\"},\"event_ts\":\"1360782804.083113\"}");
        for (String event : events) {
            TestApp.Answer answer = app.event(event);
            assertEquals(200, answer.status(), event + " → " + answer.body());
        }
        assertEquals(List.of(), app.slack.calls("chat.postMessage"), "ignored, not answered");
    }

    /** Slack's URL check when the Request URL is saved (https://docs.slack.dev/reference/events/url_verification): the challenge is echoed. */
    @Test
    void theUrlVerificationChallengeIsEchoed() throws Exception {
        TestApp.Answer answer = app.post("{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}", "application/json");
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), answer.body());
    }

    @Test
    void theMessagesTabDoesNotRepublishHome() throws Exception {
        app.event("{\"type\":\"app_home_opened\",\"user\":\"" + ANNA + "\",\"channel\":\"D0HOME\",\"tab\":\"messages\",\"event_ts\":\"1.1\"}");
        app.event("{\"type\":\"app_home_opened\",\"user\":\"" + ANNA + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1.2\"}");
        app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5));
        Thread.sleep(300);
        assertEquals(1, app.slack.calls("views.publish").size());
    }

    @Test
    void anEventDeliveredAgainIsHandledOnce() throws Exception {
        byte[] report = ("marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Poor\n").getBytes(StandardCharsets.UTF_8);
        app.slack.fileUrl("F5", "offers.csv", report);
        String envelope = "{\"token\":\"legacy\",\"team_id\":\"" + FakeSlackApi.TEAM + "\",\"api_app_id\":\"A0CXAPP\",\"type\":\"event_callback\","
                + "\"event_id\":\"Ev0RETRIED\",\"event_time\":1,\"event\":{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + ANNA
                + "\",\"channel\":\"" + CHANNEL + "\",\"channel_type\":\"channel\",\"ts\":\"1700000600.000100\",\"text\":\"\",\"files\":[{\"id\":\"F5\",\"name\":\"offers.csv\"}]}}";
        long now = Instant.now().getEpochSecond();
        for (long ts : new long[] {now, now - 1, now - 2}) {
            String t = Long.toString(ts);
            assertEquals(200, app.postSigned(envelope, "application/json", t, app.signer.sign(t, envelope.getBytes(StandardCharsets.UTF_8))).status());
        }
        app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000600.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
        Thread.sleep(500);
        assertEquals(1, app.slack.calls("files.info").size(), "imported once");
    }

    @Test
    void aNoteIsStoredAsTypedAndEscapedOnceEverywhereItGoes() throws Exception {
        // Slack sends typed & < > escaped (https://api.slack.com/reference/surfaces/formatting#escaping), and @channel as <!channel>.
        TestApp.Answer answer = app.command(ANNA, "relist HB-KETTLE-02 relabelled &amp; restocked &lt;shelf 3&gt; <!channel> <https://evil.example|Seller Central>");
        assertEquals("relabelled & restocked <shelf 3> <!channel> <https://evil.example|Seller Central>", kettle().history().get(0).note());
        com.google.gson.JsonObject reply = answer.json();
        String text = reply.get("text").getAsString();
        assertFalse(text.contains("<!channel>") || text.contains("<https://evil"), "the fallback text is escaped: " + text);
        assertTrue(text.contains("relabelled &amp; restocked &lt;shelf 3&gt;"), text);
        assertFalse(reply.get("blocks").toString().contains("<!channel>"), reply.get("blocks").toString());
    }

    /** Slow clients, bounded in count (16) and time (about 3 s), on loopback only. */
    @Test
    void sixteenSlowClientsDoNotStopTheEndpoint() throws Exception {
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", app.http.port());
                socket.getOutputStream().write(("POST " + dev.cxsentinel.adapters.slack.SlackHttpServer.EVENTS_PATH
                        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n"
                        + (i % 2 == 0 ? "\r\n{" : "X-Slow: ")).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                for (java.net.Socket socket : slow) {
                    socket.getOutputStream().write('a');
                    socket.getOutputStream().flush();
                }
                long start = System.nanoTime();
                assertEquals(200, app.get("/healthz").status());
                assertTrue(app.command(ANNA, "help").body().contains("CX Sentinel"));
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500, "answered while slow clients hang on");
                Thread.sleep(500);
            }
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Seven accounts with ten offers each that need attention: more than App Home's 100 blocks could show. */
    @Test
    void appHomeStaysWithinSlacksHundredBlocksAndSaysWhatItLeftOut() throws Exception {
        for (int a = 0; a < 7; a++) {
            dev.cxsentinel.domain.SellerAccountId account = new dev.cxsentinel.domain.SellerAccountId("A3HOMEACCT0" + a);
            app.injector.getInstance(ChannelLinks.class).save(new dev.cxsentinel.application.model.ChannelLink(
                    new ChannelId("C0HOME" + a), account, dev.cxsentinel.domain.Language.EN, new dev.cxsentinel.domain.SlackUserId(ADMIN), Instant.now()));
            StringBuilder csv = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health,last_offer_closed_date\n");
            for (int i = 0; i < 10; i++) {
                csv.append(String.format("DE,B0HOME%04d,SKU-%d,FBA,Very poor,2026-11-20%n", i, i));
            }
            app.injector.getInstance(dev.cxsentinel.application.port.in.ImportCxReport.class).importReport(
                    new dev.cxsentinel.application.port.in.ImportCxReport.ImportCxReportCommand(account, "test", java.util.Optional.empty(),
                            List.of(dev.cxsentinel.application.report.ReportFile.ofBytes("home.csv", csv.toString().getBytes(StandardCharsets.UTF_8))), false));
        }
        app.slack.reset();
        app.event("{\"type\":\"app_home_opened\",\"user\":\"" + ADMIN + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1.3\"}");
        FakeSlackApi.Call publish = app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5));
        com.google.gson.JsonObject view = com.google.gson.JsonParser.parseString(publish.param("view")).getAsJsonObject();
        int blocks = view.getAsJsonArray("blocks").size();
        assertTrue(blocks <= 100, blocks + " blocks");
        assertTrue(publish.param("view").contains("do not fit here"), "says what was left out and where to see it");
        assertEquals(List.of(), app.slack.violations());
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedWithoutA500() throws Exception {
        assertEquals(400, app.post("{not json", "application/json").status());
        assertEquals(400, app.post("payload=%7Bbroken", "application/x-www-form-urlencoded").status());
        assertEquals(413, app.post("x".repeat(1024 * 1024 + 10)).status());
        assertEquals(404, app.get("/nope").status());
    }

    @Test
    void thousandsOfRandomCommandTextsNeverFailAndNeverChangeAnything() throws Exception {
        Random random = new Random(42);
        int before = auditSize();
        Offer kettleBefore = kettle();
        String[] words = {"relist", "dispute", "remedy", "snooze", "link", "grant", "status", "list", "other", "fraud", "3d",
                "HB-KETTLE-02", "B08N5WRWNW", "@DE", "<!channel>", "<@U0ADMIN>", "\u0000", "\u202e", "💥", "'; drop", "%s%n", "\\"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(6);
            for (int w = 0; w < n; w++) {
                text.append(random.nextInt(3) == 0 ? randomText(random) : words[random.nextInt(words.length)]).append(' ');
            }
            if (i % 250 == 0) {
                text.append("y".repeat(5000));
            }
            String user = random.nextBoolean() ? STRANGER : "U0FUZZ" + random.nextInt(10);
            TestApp.Answer answer = app.command(user, text.toString());
            assertEquals(200, answer.status(), "answered, not failed, for " + text);
            assertFalse(answer.text().isBlank(), "every command gets an answer: " + text);
            assertFalse(answer.text().contains(Messages.get(Language.EN, "error.generic")), "no unexpected error for " + text + ": " + answer.text());
        }
        assertEquals(before, auditSize(), "no random text changed anything");
        assertEquals(kettleBefore, kettle());
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x2FFF) : 0x20 + random.nextInt(0x5F));
        }
        return b.toString();
    }

    // ---- buttons, modal, App Home, uploads ----

    @Test
    void theRelistButtonActsAndAnOutdatedOneAnswersWithTheCurrentState() throws Exception {
        String payload = app.blockAction(ANNA, CHANNEL, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false);
        assertEquals(200, app.interaction(payload).status());
        FakeSlackApi.Call done = app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertTrue(done.param("text").contains("Done"), done.body());
        assertEquals("ephemeral", done.param("response_type"));
        assertEquals(OfferStatus.RELIST_PENDING, kettle().status());

        app.slack.reset();
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false));
        FakeSlackApi.Call outdated = app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertTrue(outdated.param("text").contains("Already relisted by <@U0ANNA>"), outdated.body());
        assertTrue(outdated.param("text").contains("Now: "), outdated.body());
        assertEquals(1, kettle().history().size());
    }

    @Test
    void remedyAndSnoozeSelectsAct() throws Exception {
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.REMEDY, CHANNEL + "|" + KETTLE + "|removal", true));
        app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.SNOOZE, CHANNEL + "|" + KETTLE + "|1w", true));
        awaitHistory(2);
        assertEquals(Remedy.REMOVAL_ORDER, kettle().history().get(0).remedy());
        assertEquals(ActionType.SNOOZED, kettle().history().get(1).type());
    }

    @Test
    void aStrangerPressingAButtonIsRefusedWithTheReason() throws Exception {
        app.interaction(app.blockAction(STRANGER, CHANNEL, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false));
        FakeSlackApi.Call answer = app.slack.awaitCall(c -> c.method().equals("response_url"), Duration.ofSeconds(5));
        assertTrue(answer.param("text").contains("operator role"), answer.body());
        assertEquals(OfferStatus.CLOSED, kettle().status());
    }

    @Test
    void theDisputeButtonOpensAModalThatValidatesInPlace() throws Exception {
        String press = app.blockAction(ANNA, CHANNEL, AlertCard.DISPUTE, CHANNEL + "|" + KETTLE, false);
        app.interaction(press);
        FakeSlackApi.Call open = app.slack.awaitCall(c -> c.method().equals("views.open"), Duration.ofSeconds(5));
        assertEquals(JsonParser.parseString(press).getAsJsonObject().get("trigger_id").getAsString(), open.param("trigger_id"),
                "the modal opens on the press's own trigger");
        assertTrue(open.param("view").contains("cx_dispute_modal"), open.param("view"));

        TestApp.Answer missingNote = app.interaction(viewSubmission("other", ""));
        assertEquals("errors", missingNote.json().get("response_action").getAsString(), missingNote.body());
        assertTrue(missingNote.json().getAsJsonObject("errors").get("note").getAsString().contains("explanation"));
        assertEquals(OfferStatus.CLOSED, kettle().status());

        TestApp.Answer ok = app.interaction(viewSubmission("other", "A competitor ordered and returned on purpose"));
        assertEquals(200, ok.status());
        assertFalse(ok.body().contains("errors"), ok.body());
        assertEquals(DisputeReason.OTHER, kettle().history().get(0).reason());
        assertEquals("A competitor ordered and returned on purpose", kettle().history().get(0).note());
    }

    private String viewSubmission(String reason, String note) {
        String noteValue = note.isEmpty() ? "null" : "\"" + note + "\"";
        return app.viewSubmission(ANNA, "cx_dispute_modal", CHANNEL + "|" + KETTLE, "{"
                + "\"reason\":{\"reason\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"x\",\"emoji\":true},\"value\":\"" + reason + "\"}}},"
                + "\"note\":{\"note\":{\"type\":\"plain_text_input\",\"value\":" + noteValue + "}}}");
    }

    @Test
    void appHomeShowsTheOffersThatNeedAttentionWithTheirActions() throws Exception {
        app.event("{\"type\":\"app_home_opened\",\"user\":\"" + ANNA + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1.1\"}");
        FakeSlackApi.Call publish = app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5));
        assertEquals(ANNA, publish.param("user_id"));
        String view = publish.param("view");
        assertTrue(view.contains("HB-KETTLE-02@DE") && view.contains("CASE-IP14-BLK@DE"), view);
        assertTrue(view.contains(AlertCard.RELIST), view);

        app.slack.reset();
        app.event("{\"type\":\"app_home_opened\",\"user\":\"" + STRANGER + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1.1\"}");
        String strangerView = app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5)).param("view");
        assertTrue(strangerView.contains("No seller account is linked for you yet"), strangerView);
    }

    /** A press on App Home comes from a view (no channel, no response_url): the answer is published on App Home. */
    @Test
    void aButtonOnAppHomeActsAndAnswersOnAppHome() throws Exception {
        app.slack.reset();
        assertEquals(200, app.interaction(app.homeAction(ANNA, AlertCard.RELIST, CHANNEL + "|" + KETTLE, false)).status());
        FakeSlackApi.Call publish = app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5));
        assertEquals(ANNA, publish.param("user_id"));
        assertTrue(publish.param("view").contains("HB-KETTLE-02@DE"), publish.param("view"));
        assertEquals(OfferStatus.RELIST_PENDING, kettle().status());
        assertEquals(List.of(), app.slack.calls(c -> c.method().equals("response_url")), "App Home has no response_url to answer on");

        app.slack.reset();
        app.interaction(app.homeAction(STRANGER, AlertCard.REMEDY, CHANNEL + "|" + KETTLE + "|removal", true));
        String refused = app.slack.awaitCall(c -> c.method().equals("views.publish"), Duration.ofSeconds(5)).param("view");
        assertTrue(refused.contains("operator"), "the refusal is shown on App Home: " + refused);
        assertEquals(1, kettle().history().size(), "and nothing changed");
    }

    @Test
    void anUploadedReportIsImportedAndTheSummaryPostedInItsThread() throws Exception {
        byte[] report = ("marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Poor\n").getBytes(StandardCharsets.UTF_8);
        String url = app.slack.fileUrl("F1", "offers.csv", report);
        app.event("{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + ANNA + "\",\"channel\":\"" + CHANNEL + "\","
                + "\"channel_type\":\"channel\",\"ts\":\"1700000100.000100\",\"text\":\"\",\"files\":[{\"id\":\"F1\",\"name\":\"offers.csv\","
                + "\"filetype\":\"csv\",\"size\":" + report.length + ",\"url_private_download\":\"" + url + "\"}]}");
        FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000100.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
        assertTrue(reply.param("text").contains("Imported offers.csv — rows: 1,"), reply.param("text"));
        assertEquals("Bearer xoxb-test-token", app.slack.calls("file").get(0).authorization());
        assertEquals(dev.cxsentinel.domain.CxHealth.POOR, app.offer(Marketplace.DE, "TSHIRT-M-RED").health());
    }

    @Test
    void anUploadWithErrorsListsTheFirstTwentyAndHowManyMore() throws Exception {
        StringBuilder csv = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health\n");
        for (int i = 0; i < 30; i++) {
            csv.append("DE,BAD,SKU-").append(i).append(",FBA,Good\n");
        }
        String url = app.slack.fileUrl("F2", "bad.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        app.event("{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + ANNA + "\",\"channel\":\"" + CHANNEL + "\","
                + "\"channel_type\":\"channel\",\"ts\":\"1700000200.000100\",\"text\":\"\",\"files\":[{\"id\":\"F2\",\"name\":\"bad.csv\","
                + "\"filetype\":\"csv\",\"url_private_download\":\"" + url + "\"}]}");
        FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000200.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
        String text = reply.param("text");
        assertTrue(text.contains("Nothing imported from bad.csv: 30 problems"), text);
        assertEquals(20, text.lines().filter(l -> l.startsWith("• bad.csv:")).count(), text);
        assertTrue(text.contains("and 10 more"), text);
    }

    /** A second local HTTP server standing for a foreign host: it records every request it gets. */
    static final class ForeignHost implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer server;
        final List<String> authorizations = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        ForeignHost() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0C1XYZ123,STOLEN,FBA,Poor\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            // "localhost", not the fake Slack's "127.0.0.1": another host, as an attacker would name it.
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private void upload(String user, String ts, String id, String name, String downloadUrl) throws Exception {
        app.event("{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + user + "\",\"channel\":\"" + CHANNEL + "\","
                + "\"channel_type\":\"channel\",\"ts\":\"" + ts + "\",\"text\":\"\",\"files\":[{\"id\":\"" + id + "\",\"name\":\"" + name + "\","
                + "\"filetype\":\"csv\",\"size\":100,\"url_private_download\":\"" + downloadUrl + "\"}]}");
    }

    @Test
    void theBotTokenNeverGoesToAHostAnUploadEventNames() throws Exception {
        try (ForeignHost foreign = new ForeignHost()) {
            byte[] report = ("marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Poor\n").getBytes(StandardCharsets.UTF_8);
            app.slack.fileUrl("F7", "offers.csv", report);
            upload(ANNA, "1700000300.000100", "F7", "offers.csv", foreign.url("/steal"));
            FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000300.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
            assertTrue(reply.param("text").contains("Imported offers.csv"), "the file came from Slack, found by its id: " + reply.param("text"));
            assertEquals(List.of(), foreign.authorizations, "the foreign host was never contacted");
        }
    }

    @Test
    void aDownloadAddressOffSlacksFileHostIsRefusedWithoutEchoingIt() throws Exception {
        try (ForeignHost foreign = new ForeignHost()) {
            app.slack.registerFileInfo("F8", "offers.csv", 100, foreign.url("/steal"));
            upload(ANNA, "1700000400.000100", "F8", "offers.csv", foreign.url("/steal"));
            FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000400.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
            assertTrue(reply.param("text").contains("not on Slack's file host"), reply.param("text"));
            assertFalse(reply.param("text").contains("localhost"), "no internal address is shown: " + reply.param("text"));
            assertEquals(List.of(), foreign.authorizations, "the token did not leave");
        }
    }

    @Test
    void aFileLargerThanItsDeclaredSizeIsCutAtTheLimitAsItIsRead() throws Exception {
        long before = countUploads();
        String url = app.slack.generatedFileUrl("huge.csv", 210L * 1024 * 1024);
        app.slack.registerFileInfo("F10", "huge.csv", 100, url);
        upload(ANNA, "1700000700.000100", "F10", "huge.csv", url);
        FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000700.000100".equals(c.param("thread_ts")), Duration.ofSeconds(30));
        assertTrue(reply.param("text").contains("larger than 200 MB"), reply.param("text"));
        assertEquals(before, countUploads(), "nothing half-written is left behind");
    }

    private static long countUploads() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("cx-upload-")).count();
        }
    }

    /** Slack's current upload flow (files.getUploadURLExternal, upload, files.completeUploadExternal), not files.upload. */
    @Test
    void trendPostsTheChartIntoTheChannelThroughSlacksUploadFlow() throws Exception {
        giveTheKettleAHistory();
        TestApp.Answer answer = app.command(ANNA, "trend HB-KETTLE-02 1y");
        assertTrue(answer.text().contains("NCX trend of"), answer.body());
        FakeSlackApi.Call complete = app.slack.awaitCall(c -> c.method().equals("files.completeUploadExternal"), Duration.ofSeconds(10));
        assertEquals(CHANNEL, complete.param("channel_id"), "posted into the channel the command came from");
        String fileId = app.slack.calls("files.getUploadURLExternal").isEmpty() ? null
                : app.slack.calls("upload").get(0).param("file_id");
        byte[] uploaded = app.slack.uploaded(fileId);
        assertTrue(uploaded != null && uploaded.length > 10_000, "a PNG of sensible size was uploaded");
        String head = new String(uploaded, 0, Math.min(uploaded.length, 200), StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("PNG"), "the bytes are a PNG");
        assertEquals(List.of(), app.slack.calls("files.upload"), "not the retired files.upload");
    }

    private void giveTheKettleAHistory() {
        for (String day : List.of("2099-01-01", "2099-01-08")) {
            String csv = "marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,last_updated\n"
                    + "DE,B08N5WRWNW,HB-KETTLE-02,FBA," + (day.endsWith("01") ? "Poor,6.1%" : "Very poor,9.8%") + "," + day + "\n";
            app.injector.getInstance(dev.cxsentinel.application.port.in.ImportCxReport.class).importReport(
                    new dev.cxsentinel.application.port.in.ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test", java.util.Optional.empty(),
                            List.of(dev.cxsentinel.application.report.ReportFile.ofBytes("later.csv", csv.getBytes(StandardCharsets.UTF_8))), false));
        }
    }

    @Test
    void theCardsTrendButtonPostsTheChartInTheCardsThread() throws Exception {
        giveTheKettleAHistory();
        app.interaction(app.blockAction(ANNA, CHANNEL, AlertCard.TREND, CHANNEL + "|" + KETTLE, false));
        FakeSlackApi.Call complete = app.slack.awaitCall(c -> c.method().equals("files.completeUploadExternal"), Duration.ofSeconds(10));
        assertEquals(CHANNEL, complete.param("channel_id"));
        assertEquals("1700000000.000001", complete.param("thread_ts"), "in the card's thread");
    }

    @Test
    void aNonOperatorsUploadIsRefusedBeforeAnythingIsFetched() throws Exception {
        byte[] report = ("marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Poor\n").getBytes(StandardCharsets.UTF_8);
        app.slack.fileUrl("F9", "offers.csv", report);
        upload(STRANGER, "1700000500.000100", "F9", "offers.csv", "https://files.slack.com/files-pri/T0/F9/offers.csv");
        FakeSlackApi.Call reply = app.slack.awaitCall(c -> c.method().equals("chat.postMessage") && "1700000500.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
        assertTrue(reply.param("text").contains("operator"), reply.param("text"));
        assertEquals(List.of(), app.slack.calls("files.info"), "nothing was asked of Slack");
        assertEquals(List.of(), app.slack.calls("file"), "nothing was downloaded");
    }

    @Test
    void socketModePayloadsTakeTheSameHandlerPath() throws Exception {
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        Map.of("team_id", FakeSlackApi.TEAM, "channel_id", CHANNEL, "user_id", ANNA, "command", "/cx",
                "text", "relist HB-KETTLE-02 via socket", "response_url", app.slack.responseUrl("s")).forEach(json::addProperty);
        String body = json.toString();
        SlackRequestParser parser = new SlackRequestParser(app.bot.app().config());
        Response response = app.bot.run(parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .queryString(Map.of()).headers(new RequestHeaders(new HashMap<>())).requestBody(body).socketMode(true).build()));
        assertEquals(200, response.getStatusCode());
        assertTrue(response.getBody().contains("relisted"), response.getBody());
        assertEquals("via socket", kettle().history().get(0).note());
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        app.command(ANNA, "status HB-KETTLE-02");
        TestApp.Answer health = app.get("/healthz");
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"store\":\"up\""), health.body());
        String metrics = app.get("/metrics").body();
        assertTrue(metrics.contains("cx_commands_total{command=\"status\"} 1"), metrics);
        assertTrue(metrics.contains("cx_imports_total 1"), metrics);
        assertTrue(metrics.contains("cx_notifications{state=\"pending\"} 2"), metrics);
    }

    private void deliver() {
        app.injector.getInstance(DeliverNotifications.class).deliverDue();
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.injector.getInstance(DeliverNotifications.class).deliverDue();
    }

    private void awaitHistory(int size) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (kettle().history().size() < size && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(size, kettle().history().size());
    }
}
