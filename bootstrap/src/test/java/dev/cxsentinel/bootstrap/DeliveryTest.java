package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.adapters.slack.SlackClients;
import dev.cxsentinel.adapters.slack.SlackNotifier;
import dev.cxsentinel.adapters.slack.SlackSettings;
import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.service.NotificationDispatcher;
import dev.cxsentinel.application.service.ReminderService;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert pipeline end to end below the commands: owed notifications in the real store, the dispatcher, the
 * Slack notifier, and a fake Slack that injects rate limits, server errors, timeouts and permanent errors.
 */
class DeliveryTest {
    static final Pattern SKU = Pattern.compile("(SKU-\\d+)@DE");
    TestApp app;
    MutableClock clock;
    NotificationOutbox outbox;
    DigestOutbox digests;
    SlackNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        app = new TestApp();
        clock = new MutableClock(Instant.now().plusSeconds(1));
        outbox = app.injector.getInstance(NotificationOutbox.class);
        digests = app.injector.getInstance(DigestOutbox.class);
        SlackSettings settings = new SlackSettings("xoxb-test-token", TestApp.SECRET, null, app.slack.apiUrl(), null, null, Duration.ofSeconds(1));
        notifier = new SlackNotifier(new SlackClients(settings), clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void link(String channel) {
        app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(channel), TestApp.ACCOUNT, Language.EN,
                new SlackUserId(TestApp.ADMIN), Instant.now()));
    }

    void importClosedOffers(int count) {
        StringBuilder csv = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health,last_offer_closed_date\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format("DE,B0TEST%04d,SKU-%d,FBA,Very poor,2026-11-20%n", i, i));
        }
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("closed.csv", csv.toString().getBytes(StandardCharsets.UTF_8))), false));
    }

    NotificationDispatcher dispatcher(Duration pace) {
        return new NotificationDispatcher(outbox, digests, notifier, clock,
                new DeliverySettings(pace, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)), new Metrics(),
                app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
    }

    long pending() {
        return outbox.countByState().get(Notification.State.PENDING);
    }

    /** Delivered alert cards per channel and SKU. */
    Map<String, Integer> deliveredCards() {
        Map<String, Integer> counts = new HashMap<>();
        for (FakeSlackApi.Call call : app.slack.delivered()) {
            if (call.param("thread_ts") != null) {
                continue;
            }
            Matcher m = SKU.matcher(call.param("text"));
            if (m.find()) {
                counts.merge(call.param("channel") + "/" + m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void everyAlertIsDeliveredExactlyOnceThroughTransientFaults() {
        link("C0ALERTS");
        importClosedOffers(20);
        app.slack.enqueue("chat.postMessage", FakeSlackApi.Fault.rateLimited(2), FakeSlackApi.Fault.status(500),
                FakeSlackApi.Fault.slow(2500), FakeSlackApi.Fault.error("internal_error"), FakeSlackApi.Fault.status(503),
                FakeSlackApi.Fault.rateLimited(1));
        NotificationDispatcher dispatcher = dispatcher(Duration.ZERO);
        for (int round = 0; round < 40 && pending() > 0; round++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(6));
        }
        assertEquals(0, pending());
        Map<String, Integer> cards = deliveredCards();
        assertEquals(20, cards.size(), cards.toString());
        assertTrue(cards.values().stream().allMatch(n -> n == 1), "no duplicates: " + cards);
        assertTrue(app.slack.calls("chat.postMessage").size() >= 25, "the faults were really hit");
    }

    @Test
    void aPermanentFailureIsRecordedReportedAndHoldsNothingBack() throws Exception {
        link("C0ALERTS");
        link("C0DEAD");
        app.slack.failChannel("C0DEAD", "channel_not_found");
        importClosedOffers(3);
        dispatcher(Duration.ZERO).deliverDue();

        assertEquals(3, deliveredCards().keySet().stream().filter(k -> k.startsWith("C0ALERTS/")).count());
        assertEquals(3L, outbox.countByState().get(Notification.State.FAILED));
        assertEquals(0, pending());
        String status = app.command(TestApp.ADMIN, "status SKU-1").text();
        assertTrue(status.contains("could not be delivered"), status);
        assertTrue(status.contains("channel_not_found"), status);
    }

    @Test
    void eachChannelGetsAtMostOneMessagePerSecond() {
        link("C0ALERTS");
        link("C0OTHER");
        importClosedOffers(4);
        NotificationDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        assertEquals(2, app.slack.delivered().size(), "one per channel");
        clock.advance(Duration.ofMillis(500));
        dispatcher.deliverDue();
        assertEquals(2, app.slack.delivered().size(), "not before a second has passed");
        clock.advance(Duration.ofMillis(600));
        dispatcher.deliverDue();
        assertEquals(4, app.slack.delivered().size());
        for (int i = 0; i < 10 && pending() > 0; i++) {
            clock.advance(Duration.ofSeconds(1));
            dispatcher.deliverDue();
        }
        assertEquals(8, app.slack.delivered().size());
    }

    @Test
    void aRateLimitPausesTheChannelForRetryAfter() {
        link("C0ALERTS");
        importClosedOffers(2);
        app.slack.enqueue("chat.postMessage", FakeSlackApi.Fault.rateLimited(30));
        NotificationDispatcher dispatcher = dispatcher(Duration.ZERO);
        dispatcher.deliverDue();
        assertEquals(0, app.slack.delivered().size());
        clock.advance(Duration.ofSeconds(29));
        dispatcher.deliverDue();
        assertEquals(0, app.slack.delivered().size(), "Slack asked for 30 seconds");
        clock.advance(Duration.ofSeconds(2));
        dispatcher.deliverDue();
        assertEquals(2, app.slack.delivered().size());
    }

    @Test
    void twoDispatchersInParallelNeverSendOneNotificationTwice() throws Exception {
        link("C0ALERTS");
        link("C0OTHER");
        link("C0THIRD");
        importClosedOffers(30);
        NotificationDispatcher first = dispatcher(Duration.ZERO);
        NotificationDispatcher second = dispatcher(Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> {
            for (int i = 0; i < 20 && pending() > 0; i++) {
                first.deliverDue();
            }
        });
        Future<?> b = pool.submit(() -> {
            for (int i = 0; i < 20 && pending() > 0; i++) {
                second.deliverDue();
            }
        });
        a.get();
        b.get();
        pool.shutdown();
        assertEquals(0, pending());
        Map<String, Integer> cards = deliveredCards();
        assertEquals(90, cards.size());
        assertTrue(cards.values().stream().allMatch(n -> n == 1), "no duplicates: " + cards);
    }

    @Test
    void deliveryResumesAfterADispatcherDiedHoldingALease() {
        link("C0ALERTS");
        importClosedOffers(1);
        assertTrue(outbox.claimNext("crashed-instance", clock.now(), Duration.ofSeconds(60)).isPresent());
        NotificationDispatcher restarted = dispatcher(Duration.ZERO);
        restarted.deliverDue();
        assertEquals(0, app.slack.delivered().size(), "the lease still holds");
        clock.advance(Duration.ofSeconds(61));
        restarted.deliverDue();
        assertEquals(1, app.slack.delivered().size());
    }

    @Test
    void remindersComeForClosedOffersWithoutActionTheLastEscalated() {
        link("C0ALERTS");
        importClosedOffers(1);
        NotificationDispatcher dispatcher = dispatcher(Duration.ZERO);
        dispatcher.deliverDue();
        String card = app.slack.delivered().get(0).param("_ts");
        ReminderService reminders = new ReminderService(app.injector.getInstance(FindOffers.class), app.injector.getInstance(LoadOffer.class),
                app.injector.getInstance(SaveOffer.class),
                app.injector.getInstance(ChannelLinks.class), clock, AlertSettings.DEFAULTS, () -> { });
        for (int day = 1; day <= 4; day++) {
            clock.advance(Duration.ofHours(24));
            reminders.remindDue();
            dispatcher.deliverDue();
        }
        List<FakeSlackApi.Call> inThread = app.slack.delivered().stream().filter(c -> card.equals(c.param("thread_ts"))).toList();
        assertEquals(3, inThread.size(), "at most three reminders");
        assertTrue(inThread.get(0).param("text").contains("Reminder 1:"));
        assertTrue(inThread.get(2).param("text").startsWith("<!here> this closed offer needs an owner."), inThread.get(2).param("text"));
    }

    @Test
    void changesThatDoNotAlertAtOnceArriveAsOneDigest() throws Exception {
        link("C0ALERTS");
        app.importReports("offers-en.csv");
        NotificationDispatcher dispatcher = dispatcher(Duration.ZERO);
        dispatcher.deliverDue();
        app.slack.reset();
        String better = "marketplace,asin,sku,fulfillment_channel,cx_health\nFR,B09G9FPHY6,CASE-IP14-BLK,FBM,Good\n"
                + "DE,B0C1XYZ123,TSHIRT-M-RED,FBA,Good\nDE,B07XJ8C8F5,HB-KETTLE-01,FBA,Excellent\n";
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("better.csv", better.getBytes(StandardCharsets.UTF_8))), false));
        dispatcher.deliverDue();
        dispatcher.deliverDue();
        assertEquals(1, app.slack.delivered().size(), "one digest message");
        String blocks = app.slack.delivered().get(0).blocks().toString();
        assertTrue(blocks.contains("CASE-IP14-BLK@FR") && blocks.contains("TSHIRT-M-RED@DE") && blocks.contains("HB-KETTLE-01@DE"), blocks);
    }

    /** A digest of several messages takes seconds to send; the channel's next message keeps its distance from the last part. */
    @Test
    void theMessageAfterALongDigestWaitsASecondFromItsLastPart() throws Exception {
        link("C0ALERTS");
        app.importReports("offers-en.csv");
        dispatcher(Duration.ZERO).deliverDue();
        app.slack.reset();
        Notifier takesThreeSeconds = new Notifier() {
            @Override
            public Result send(Notification notification, Offer offer, String threadTs) {
                return notifier.send(notification, offer, threadTs);
            }

            @Override
            public Result sendDigest(Digest digest) {
                Result sent = notifier.sendDigest(digest);
                clock.advance(Duration.ofSeconds(3)); // as a four-part digest does, a second between parts
                return sent;
            }

            @Override
            public Result sendReview(WeeklyReview review) {
                return notifier.sendReview(review);
            }
        };
        NotificationDispatcher dispatcher = new NotificationDispatcher(outbox, digests, takesThreeSeconds, clock,
                new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                new Metrics(), app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
        importCsv("marketplace,asin,sku,fulfillment_channel,cx_health\nFR,B09G9FPHY6,CASE-IP14-BLK,FBM,Good\n"
                + "DE,B0C1XYZ123,TSHIRT-M-RED,FBA,Good\n");
        dispatcher.deliverDue();
        assertEquals(1, app.slack.delivered().size(), "the digest");

        importCsv("marketplace,asin,sku,fulfillment_channel,cx_health,last_offer_closed_date\n"
                + "DE,B07XJ8C8F5,HB-KETTLE-01,FBA,Very poor,2026-11-26\n");
        dispatcher.deliverDue();
        assertEquals(1, app.slack.delivered().size(), "the alert card waits: the digest's last part went out just now");
        clock.advance(Duration.ofMillis(1100));
        dispatcher.deliverDue();
        assertEquals(2, app.slack.delivered().size(), "a second later it goes out");
        assertEquals(0, app.slack.rateLimitedCount());
    }

    void importCsv(String csv) {
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("day.csv", csv.getBytes(StandardCharsets.UTF_8))), false));
    }

    @Test
    void alertsOwedToAChannelThatWasRelinkedAreRetiredNotDelivered() throws Exception {
        link("C0RELINK");
        importClosedOffers(3);
        app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId("C0RELINK"),
                new dev.cxsentinel.domain.SellerAccountId("A3OTHERACCOUNT9"), Language.EN, new SlackUserId(TestApp.ADMIN), Instant.now()));
        dispatcher(Duration.ZERO).deliverDue();
        assertEquals(List.of(), app.slack.calls(c -> c.method().equals("chat.postMessage") && "C0RELINK".equals(c.param("channel"))),
                "nothing of the old account reached the relinked channel");
        assertEquals(0L, pending(), "the alerts are retired, not left pending");
        assertEquals(3L, outbox.countByState().get(Notification.State.FAILED));
    }

    @Test
    void aDigestSlackRefusesForGoodCountsAsFailedInTheGauge() throws Exception {
        link("C0GONE");
        app.slack.failChannel("C0GONE", "channel_not_found");
        StringBuilder csv = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health\n");
        csv.append("DE,B0TEST0001,SKU-IMPROVE,FBA,Fair\n");
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("a.csv", csv.toString().getBytes(StandardCharsets.UTF_8))), false));
        String later = "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0TEST0001,SKU-IMPROVE,FBA,Good\n";
        app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT, "test",
                Optional.empty(), List.of(ReportFile.ofBytes("b.csv", later.getBytes(StandardCharsets.UTF_8))), false));
        long failedBefore = digests.countByState().get(Notification.State.FAILED);
        dispatcher(Duration.ZERO).deliverDue();
        assertEquals(failedBefore + 1, digests.countByState().get(Notification.State.FAILED), "the refused digest is counted");
        assertTrue(app.get("/metrics").body().contains("cx_notifications{state=\"failed\"} " + (failedBefore + 1)), "and in the gauge");
        String status = app.command(TestApp.ADMIN, "C0GONE", FakeSlackApi.TEAM, "status SKU-IMPROVE").text();
        assertTrue(status.contains("could not be delivered") && status.contains("channel_not_found") && status.contains("<#C0GONE>"),
                "/cx status names the refused digest and why: " + status);
    }

    /** A send that throws (a rendering bug) is retried a couple of times, then recorded as failed: never retried forever. */
    @Test
    void aSendThatKeepsThrowingFailsAfterAFewAttemptsInsteadOfRetryingForever() {
        link("C0BUG");
        importClosedOffers(1);
        Notifier broken = new Notifier() {
            @Override
            public Result send(Notification notification, Offer offer, String threadTs) {
                throw new IllegalStateException("a card that cannot be rendered");
            }

            @Override
            public Result sendDigest(Digest digest) {
                throw new IllegalStateException("a digest that cannot be rendered");
            }

            @Override
            public Result sendReview(WeeklyReview review) {
                throw new IllegalStateException("a review that cannot be rendered");
            }
        };
        NotificationDispatcher dispatcher = new NotificationDispatcher(outbox, digests, broken, clock,
                new DeliverySettings(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)), new Metrics(),
                app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
        for (int round = 0; round < 10; round++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertEquals(0, pending(), "nothing left retrying");
        List<Notification> failed = outbox.notificationsOf(new OfferId(TestApp.ACCOUNT, Marketplace.DE, new Sku("SKU-0"))).stream()
                .filter(n -> n.state() == Notification.State.FAILED).toList();
        assertEquals(1, failed.size());
        assertEquals(3, failed.get(0).attempts());
        assertTrue(failed.get(0).lastError().contains("a card that cannot be rendered"), failed.get(0).lastError());
    }

    /** A dispatcher that died holding a claim (kill -9): another takes its notifications over once the short lease ends. */
    @Test
    void theClaimOfADispatcherThatDiedIsTakenOverWhenItsShortLeaseEnds() {
        link("C0TAKEOVER");
        importClosedOffers(1);
        assertTrue(outbox.claimNext("dispatcher-that-died", clock.now(), DeliverySettings.DEFAULTS.lease()).isPresent());
        NotificationDispatcher survivor = new NotificationDispatcher(outbox, digests, notifier, clock,
                new DeliverySettings(Duration.ZERO, DeliverySettings.DEFAULTS.lease(), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                new Metrics(), app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, survivor.deliverDue(), "the lease still holds");
        clock.advance(DeliverySettings.DEFAULTS.lease());
        assertEquals(1, survivor.deliverDue(), "taken over " + DeliverySettings.DEFAULTS.lease().toSeconds() + " s after the claim, not a minute");
    }

    /** A send slower than the lease keeps its claim (the lease is renewed while it runs): a second dispatcher does not send it again. */
    @Test
    void aSendSlowerThanTheLeaseIsNotSentTwice() throws Exception {
        link("C0SLOW");
        importClosedOffers(1);
        // slower than the lease, faster than the client's 1 s timeout (a timed-out send may repeat: that is documented)
        app.slack.enqueue("chat.postMessage", new FakeSlackApi.Fault(200, null, null, 800));
        DeliverySettings shortLease = new DeliverySettings(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofSeconds(2));
        List<NotificationDispatcher> dispatchers = List.of(
                new NotificationDispatcher(outbox, digests, notifier, Instant::now, shortLease, new Metrics(),
                        app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class)),
                new NotificationDispatcher(outbox, digests, notifier, Instant::now, shortLease, new Metrics(),
                        app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class)));
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (NotificationDispatcher d : dispatchers) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    d.deliverDue();
                    sleepQuietly(50);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(Map.of("C0SLOW/SKU-0", 1), deliveredCards(), "one card, though the send took over twice the lease");
    }

    NotificationDispatcher dispatcherOnTheRealClock(Duration pace) {
        return new NotificationDispatcher(outbox, digests, notifier, Instant::now,
                new DeliverySettings(pace, Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(2)), new Metrics(),
                app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
    }

    /** Two instances on one store, one channel: together they keep Slack's pace and both wait out a 429. */
    @Test
    void twoDispatchersOnOneStoreKeepOneChannelsPaceAndHonourRetryAfter() throws Exception {
        link("C0PACE");
        importClosedOffers(4);
        app.slack.enforceChannelPace(Duration.ofMillis(900));
        app.slack.enqueue("chat.postMessage", FakeSlackApi.Fault.rateLimited(2));
        NotificationDispatcher first = dispatcherOnTheRealClock(Duration.ofSeconds(1));
        NotificationDispatcher second = dispatcherOnTheRealClock(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Thread other = new Thread(() -> {
            while (pending() > 0 && System.nanoTime() < deadline) {
                second.deliverDue();
                sleepQuietly(50);
            }
        });
        other.start();
        while (pending() > 0 && System.nanoTime() < deadline) {
            first.deliverDue();
            sleepQuietly(50);
        }
        other.join(5_000);
        assertEquals(0, pending(), "all delivered");
        assertEquals(4, deliveredCards().size());
        assertEquals(0, app.slack.rateLimitedCount(), "never two posts into the channel within a second");
        List<FakeSlackApi.Call> posts = app.slack.calls(c -> c.method().equals("chat.postMessage") && "C0PACE".equals(c.param("channel")));
        Instant limited = posts.get(0).at();
        assertTrue(posts.stream().skip(1).allMatch(c -> !c.at().isBefore(limited.plusMillis(1900))),
                "nobody posted inside the 429's Retry-After of 2 s: " + posts.stream().map(FakeSlackApi.Call::at).toList());
    }

    /** Counted, not timed: store writes while a backlog of 300 alerts waits for one channel's pace. */
    @Test
    void aBacklogCostsWritesPerMessageSentNotPerSecondWaited() {
        link("C0BACKLOG");
        importClosedOffers(300);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        NotificationOutbox counting = (NotificationOutbox) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NotificationOutbox.class}, (proxy, method, args) -> {
                    if (List.of("reschedule", "markSent", "markFailed", "recordThread", "completeDigest").contains(method.getName())) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(outbox, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        NotificationDispatcher dispatcher = new NotificationDispatcher(counting, digests, notifier, clock,
                new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5)), new Metrics(),
                app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ChannelPace.class));
        int sent = 0;
        for (int second = 0; second < 30; second++) {
            sent += dispatcher.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(sent >= 25 && sent <= 31, "about one a second: " + sent);
        // each sent message: markSent + recordThread; each waiting one is rescheduled about once, not 30 times
        assertTrue(writes.get() <= 2 * sent + 300 + 30, writes.get() + " writes for " + sent + " messages sent");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
