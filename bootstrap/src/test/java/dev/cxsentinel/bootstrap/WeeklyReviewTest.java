package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.application.port.out.ReviewLedger;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.service.WeeklyReviewService;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SlackUserId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly review through the real store (H2 file, so it survives a restart), the Slack notifier and the fake
 * Web API (which validates every message's Block Kit): once per channel and week, with two dispatchers and across
 * a restart, in English and German, with its chart uploaded through Slack's upload flow.
 */
class WeeklyReviewTest {
    static final String EN = "C0REVIEWEN";
    static final String DE = "C0REVIEWDE";
    /** Monday 23 November 2026, 09:00 UTC: the English channel's slot (no marketplace: UTC); the German one's was 08:00 UTC (09:00 Berlin). */
    static final Instant SLOT = Instant.parse("2026-11-23T09:00:00Z");
    static final ReviewSchedule MONDAY_NINE = new ReviewSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0), null);

    @TempDir
    Path dir;
    TestApp app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    WeeklyReviewService service(MutableClock clock) {
        return new WeeklyReviewService(MONDAY_NINE, app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ReviewLedger.class),
                app.injector.getInstance(FindOffers.class), app.injector.getInstance(LoadOffer.class), app.injector.getInstance(Notifier.class),
                app.injector.getInstance(ChannelPace.class),
                clock, new DeliverySettings(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)), new Metrics());
    }

    void link(String channel, Language language, Marketplace marketplace) {
        app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(channel), TestApp.ACCOUNT, language,
                new SlackUserId(TestApp.ADMIN), Instant.parse("2026-11-01T00:00:00Z"), marketplace));
    }

    void importReport(String csv) {
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("voc.csv", csv.getBytes(StandardCharsets.UTF_8))), false));
    }

    /** Two weeks of snapshots: the kettle closes in the review's week, the mug recovers, the lamp is at risk. */
    void importTwoWeeks() {
        String header = "marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,top_ncx_reason,last_offer_closed_date,last_updated\n";
        importReport(header
                + "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Good,1.0%,,,2026-11-10\n"
                + "DE,B08N5WRWN2,HB-MUG-01,FBA,Poor,6.0%,Too small,,2026-11-10\n"
                + "DE,B08N5WRWN3,HB-LAMP-03,FBA,Fair,2.0%,,,2026-11-10\n");
        importReport(header
                + "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,9.8%,Damaged,2026-11-18,2026-11-18\n"
                + "DE,B08N5WRWN2,HB-MUG-01,FBA,Good,1.0%,,,2026-11-18\n"
                + "DE,B08N5WRWN3,HB-LAMP-03,FBA,Very poor,8.5%,Too small,,2026-11-18\n");
    }

    List<FakeSlackApi.Call> reviewsPosted(String channel) {
        return app.slack.calls(c -> c.method().equals("chat.postMessage") && channel.equals(c.param("channel")));
    }

    @Test
    void twoDispatchersSendEachChannelOneReviewAWeekAcrossARestartInEnglishAndGerman() throws Exception {
        app = new TestApp(dir);
        link(EN, Language.EN, null);
        link(DE, Language.DE, Marketplace.DE);
        importTwoWeeks();
        MutableClock clock = new MutableClock(SLOT.plusSeconds(30));
        WeeklyReviewService first = service(clock);
        WeeklyReviewService second = service(clock);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> rounds = pool.invokeAll(List.<Callable<Integer>>of(first::sendDue, second::sendDue));
        int sent = rounds.get(0).get() + rounds.get(1).get();
        pool.shutdown();
        sent += first.sendDue() + second.sendDue();

        assertEquals(2, sent, "one review per channel, whoever sent it");
        assertEquals(1, reviewsPosted(EN).size());
        assertEquals(1, reviewsPosted(DE).size());
        String english = reviewsPosted(EN).get(0).visibleText();
        assertTrue(english.contains("Weekly CX review of A2EUQ1WTGCTBG2") && english.contains("Nov 16, 2026") && english.contains("Nov 22, 2026"), english);
        assertTrue(english.contains("Closed this week:* 1 · `HB-KETTLE-02@DE`"), english);
        assertTrue(english.contains("Recovered this week:* 1 · `HB-MUG-01@DE`"), english);
        assertTrue(english.contains("At risk now (Poor or Very poor):* 1 · `HB-LAMP-03@DE`"), english);
        assertTrue(english.contains("Closed and nobody has acted yet:* 1"), english);
        assertTrue(english.contains("damaged 1") && english.contains("size/fit 1"), english);
        String german = reviewsPosted(DE).get(0).visibleText();
        assertTrue(german.contains("Wochenbericht Kundenerfahrung") && german.contains("Diese Woche geschlossen:* 1")
                && german.contains("Diese Woche erholt:* 1") && german.contains("beschädigt 1"), german);
        assertTrue(!german.contains("Closed") && !german.contains("Weekly"), "German throughout: " + german);
        assertChartsUploadedTo(EN, DE);

        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, first.sendDue() + second.sendDue(), "not again the same week");
        app.close();

        app = new TestApp(dir);
        WeeklyReviewService afterRestart = service(clock);
        assertEquals(0, afterRestart.sendDue(), "a restart does not send the week's review again");
        assertEquals(List.of(), app.slack.calls("chat.postMessage"));

        clock.advance(Duration.ofDays(7));
        assertEquals(2, afterRestart.sendDue() + service(clock).sendDue(), "next week's review comes");
        assertEquals(1, reviewsPosted(EN).size());
        assertEquals(1, reviewsPosted(DE).size());
    }

    private void assertChartsUploadedTo(String... channels) {
        List<FakeSlackApi.Call> completes = app.slack.calls("files.completeUploadExternal");
        assertEquals(List.of(channels).stream().sorted().toList(), completes.stream().map(c -> c.param("channel_id")).sorted().toList());
        for (FakeSlackApi.Call upload : app.slack.calls("upload")) {
            byte[] png = app.slack.uploaded(upload.param("file_id"));
            assertTrue(png != null && png.length > 5_000, "a chart of sensible size");
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.ISO_8859_1), "a PNG");
        }
    }

    /** Counted, not timed: once the week's review is settled, the once-a-minute round does not ask the store every minute. */
    @Test
    void aSentReviewCostsNoStoreReadsEveryMinute() throws Exception {
        app = new TestApp(dir);
        link(EN, Language.EN, null);
        ReviewLedger real = app.injector.getInstance(ReviewLedger.class);
        AtomicInteger claims = new AtomicInteger();
        ReviewLedger counting = (ReviewLedger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ReviewLedger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("claim")) {
                        claims.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MutableClock clock = new MutableClock(SLOT.plusSeconds(30));
        WeeklyReviewService first = service(clock);
        assertEquals(1, first.sendDue());
        WeeklyReviewService other = new WeeklyReviewService(MONDAY_NINE, app.injector.getInstance(ChannelLinks.class), counting,
                app.injector.getInstance(FindOffers.class), app.injector.getInstance(LoadOffer.class), app.injector.getInstance(Notifier.class),
                app.injector.getInstance(ChannelPace.class),
                clock, new DeliverySettings(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)), new Metrics());
        for (int minute = 0; minute < 60; minute++) {
            assertEquals(0, other.sendDue());
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(claims.get() <= 4, claims.get() + " claims in an hour for a review already sent (at most one per 15-minute lease)");
        assertEquals(1, reviewsPosted(EN).size());
    }

    @Test
    void aChannelLinkedAfterTheSlotAndAReviewADayLateWaitForTheNextWeek() throws Exception {
        app = new TestApp(dir);
        app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(EN), TestApp.ACCOUNT, Language.EN,
                new SlackUserId(TestApp.ADMIN), SLOT.plusSeconds(60)));
        MutableClock clock = new MutableClock(SLOT.plusSeconds(120));
        assertEquals(0, service(clock).sendDue(), "linked after this week's slot");

        link(DE, Language.DE, null);
        clock.advance(ReviewSchedule.CATCH_UP);
        assertEquals(0, service(clock).sendDue(), "a review more than a day late is not started");
        clock.advance(Duration.ofDays(6));
        assertEquals(2, service(clock).sendDue(), "both get the next one");
    }

    @Test
    void aTransientSlackFailureIsRetriedAndStillSentOnce() throws Exception {
        app = new TestApp(dir);
        link(EN, Language.EN, null);
        app.slack.enqueue("chat.postMessage", FakeSlackApi.Fault.status(503));
        MutableClock clock = new MutableClock(SLOT.plusSeconds(30));
        WeeklyReviewService service = service(clock);
        assertEquals(0, service.sendDue(), "Slack answered 503");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, service.sendDue(), "retried");
        assertEquals(0, service.sendDue());
        assertTrue(reviewsPosted(EN).get(reviewsPosted(EN).size() - 1).visibleText().contains("A quiet week"),
                "an account with no offers gets a quiet review");
    }
}
