package dev.cxsentinel.adapters.mongo;

import static dev.cxsentinel.adapters.mongo.TestOffers.ACCOUNT;
import static dev.cxsentinel.adapters.mongo.TestOffers.LINK;
import static dev.cxsentinel.adapters.mongo.TestOffers.NOW;
import static dev.cxsentinel.adapters.mongo.TestOffers.alert;
import static dev.cxsentinel.adapters.mongo.TestOffers.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.ReviewLedger;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persistence ports' contract, run against the embedded server and, when configured, a real MongoDB. */
abstract class OfferStoreContract {
    static final SlackUserId ANNA = new SlackUserId("U0ANNA");
    static final Duration LEASE = Duration.ofSeconds(30);

    MongoStore store;
    MongoOfferRepository offers;
    MongoOfferQueries queries;
    MongoNotificationOutbox outbox;
    MongoDigestOutbox digests;
    MongoReviewLedger reviews;
    MongoAccessRepository access;
    MongoAuditRepository audit;

    abstract MongoStore connect(String database);

    @BeforeEach
    void connect() {
        store = connect("cx_test_" + System.nanoTime());
        store.ensureIndexes();
        offers = new MongoOfferRepository(store);
        queries = new MongoOfferQueries(store);
        outbox = new MongoNotificationOutbox(store, Instant::now);
        digests = new MongoDigestOutbox(store);
        reviews = new MongoReviewLedger(store);
        access = new MongoAccessRepository(store);
        audit = new MongoAuditRepository(store);
    }

    @AfterEach
    void drop() {
        store.database().drop();
        store.close();
    }

    Offer insert(Offer offer, Notification... owed) {
        offers.save(new OfferChange(offer, true, List.of(owed)));
        return offers.load(offer.id()).orElseThrow();
    }

    /**
     * Actions on offers are one log with the other audit lines, newest first; a line lost with an unclean stop is
     * rebuilt from the offer's history exactly as it was written, and one that is there is not written twice.
     */
    @Test
    void offerActionsAreReadWithTheAuditLogAndRebuiltFromTheOffersHistory() {
        Offer stored = insert(offer("HB-KETTLE-02", Marketplace.DE, CxHealth.VERY_POOR, true));
        Offer relisted = stored.relist(ANNA, "fixed the listing", NOW.plusSeconds(10)).after();
        offers.save(new OfferChange(relisted, false, List.of()));
        audit.appendOfferAction(stored.id(), relisted.history().get(relisted.history().size() - 1));
        audit.append(new AuditEntry(NOW.plusSeconds(5), "U0ADMIN", ACCOUNT, "grant", "U0ANNA", ""));
        Offer snoozed = offers.load(stored.id()).orElseThrow().snooze(ANNA, NOW.plus(Duration.ofDays(2)), "", NOW.plusSeconds(20)).after();
        offers.save(new OfferChange(snoozed, false, List.of())); // its line is lost: the process died before the store kept it

        assertEquals(List.of("relist", "grant"), audit.recent(ACCOUNT, 10).stream().map(AuditEntry::action).toList());
        assertEquals(1, audit.rebuildOfferActions(), "one offer has actions");
        audit.rebuildOfferActions();

        List<AuditEntry> log = audit.recent(ACCOUNT, 10);
        assertEquals(List.of("snooze", "relist", "grant"), log.stream().map(AuditEntry::action).toList());
        assertEquals(new AuditEntry(NOW.plusSeconds(10), "U0ANNA", ACCOUNT, "relist", stored.id().value(), "RELISTED note=fixed the listing"),
                log.get(1), "rebuilt or written, the same line, once");
        assertEquals(List.of("snooze", "relist"), audit.recent(ACCOUNT, 2).stream().map(AuditEntry::action).toList());
    }

    @Test
    void anOfferRoundTripsWithCommentsHistoryAndVersion() {
        Offer closed = offer("HB-KETTLE-02", Marketplace.DE, CxHealth.VERY_POOR, true);
        Offer rich = closed.addComments(List.of(new CustomerComment(LocalDate.of(2026, 11, 18), CommentCategory.WRONG_ITEM, "wrong <!channel> kettle")))
                .after().recordRemedy(ANNA, Remedy.REMOVAL_ORDER, "removed 40 units", NOW).after()
                .dispute(ANNA, DisputeReason.OTHER, "competitor", NOW.plusSeconds(5)).after()
                .snooze(ANNA, NOW.plus(Duration.ofDays(1)), "", NOW.plusSeconds(6)).after();
        Offer loaded = insert(rich);
        assertEquals(rich.withVersion(1), loaded);
    }

    /**
     * Import fingerprints: recorded ones are read back; a write of the offer voids its fingerprint (saveAll and
     * save alike); a fingerprint recorded late for an older version loses to that void; a newer one replaces it.
     */
    @Test
    void aFingerprintHoldsUntilTheOfferIsWrittenAndALateOneForAnOlderVersionLoses() {
        MongoImportFingerprints prints = new MongoImportFingerprints(store);
        Offer one = insert(offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true));
        Offer two = insert(offer("SKU-2", Marketplace.DE, CxHealth.POOR, false));
        prints.record(Map.of(one.id(), new ImportFingerprints.Fingerprint(11L, 1), two.id(), new ImportFingerprints.Fingerprint(-22L, 1)));
        assertEquals(Map.of(one.id(), 11L, two.id(), -22L), prints.recorded(List.of(one.id(), two.id(), new OfferId(ACCOUNT, Marketplace.DE, new Sku("NONE")))));

        offers.save(new OfferChange(one.relist(ANNA, "from Slack", NOW).after(), false, List.of()));
        assertEquals(Map.of(two.id(), -22L), prints.recorded(List.of(one.id(), two.id())), "the relist voided the first one's");
        prints.record(Map.of(one.id(), new ImportFingerprints.Fingerprint(11L, 1)));
        assertEquals(Map.of(two.id(), -22L), prints.recorded(List.of(one.id(), two.id())), "recorded late, for version 1: ignored");
        prints.record(Map.of(one.id(), new ImportFingerprints.Fingerprint(33L, 2)));
        assertEquals(33L, prints.recorded(List.of(one.id())).get(one.id()), "for the version written: taken");

        assertEquals(Set.of(), offers.saveAll(List.of(new OfferChange(two.snooze(ANNA, NOW.plusSeconds(60), "", NOW).after(), false, List.of()))));
        assertEquals(Map.of(), prints.recorded(List.of(two.id())), "a bulk write voids too");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Offer stored = insert(offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true));
        offers.save(new OfferChange(stored.relist(ANNA, "first", NOW).after(), false, List.of()));
        Offer stale = stored.relist(ANNA, "second", NOW).after();
        assertThrows(ConcurrentUpdateException.class, () -> offers.save(new OfferChange(stale, false, List.of())));
        Offer now = offers.load(stored.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals("first", now.history().get(0).note());
        assertThrows(ConcurrentUpdateException.class, () -> insert(offer("SKU-1", Marketplace.DE, CxHealth.GOOD, false)));
    }

    @Test
    void ofManyConcurrentWritersExactlyOneWins() throws Exception {
        Offer stored = insert(offer("SKU-RACE", Marketplace.DE, CxHealth.VERY_POOR, true));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            SlackUserId user = new SlackUserId("U0USER" + i);
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    offers.save(new OfferChange(stored.relist(user, "", NOW).after(), false, List.of(alert(stored))));
                    wins.incrementAndGet();
                } catch (ConcurrentUpdateException expected) {
                    // lost the race
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(1, wins.get());
        assertEquals(1, offers.load(stored.id()).orElseThrow().history().size());
        assertEquals(1, outbox.notificationsOf(stored.id()).size());
    }

    @Test
    void bulkSavesReportTheConflictsAndWriteTheRest() {
        Offer a = insert(offer("SKU-A", Marketplace.DE, CxHealth.GOOD, false));
        Offer b = insert(offer("SKU-B", Marketplace.DE, CxHealth.GOOD, false));
        offers.save(new OfferChange(b.observe(observation(b, CxHealth.FAIR), NOW).after(), false, List.of()));
        Offer c = offer("SKU-C", Marketplace.DE, CxHealth.POOR, false);
        Set<OfferId> conflicts = offers.saveAll(List.of(
                new OfferChange(a.observe(observation(a, CxHealth.POOR), NOW).after(), false, List.of(alert(a))),
                new OfferChange(b.observe(observation(b, CxHealth.POOR), NOW).after(), false, List.of()),
                new OfferChange(c, true, List.of()),
                new OfferChange(offer("SKU-A", Marketplace.DE, CxHealth.GOOD, false), true, List.of())));
        assertEquals(Set.of(a.id(), b.id()), conflicts, "b: stale version; a: inserted although it exists");
        assertEquals(CxHealth.POOR, offers.load(a.id()).orElseThrow().health());
        assertEquals(CxHealth.FAIR, offers.load(b.id()).orElseThrow().health());
        assertTrue(offers.load(c.id()).isPresent());
    }

    private static dev.cxsentinel.domain.CxObservation observation(Offer o, CxHealth health) {
        return new dev.cxsentinel.domain.CxObservation(o.asin(), o.productName(), o.channel(), health, o.ncxRate(),
                o.ncxOrders(), o.totalOrders(), o.topReason(), o.closedDate(), o.status() != dev.cxsentinel.domain.OfferStatus.ACTIVE,
                o.observed().returnBadge(), o.observed().asOf());
    }

    @Test
    void findsBySkuAndAsinAcrossMarketplaces() {
        insert(offer("CASE-IP14-BLK", Marketplace.DE, CxHealth.POOR, false));
        insert(offer("CASE-IP14-BLK", Marketplace.FR, CxHealth.FAIR, false));
        insert(offer("OTHER", Marketplace.DE, CxHealth.GOOD, false));
        assertEquals(2, queries.findBySku(ACCOUNT, new Sku("CASE-IP14-BLK")).size());
        assertEquals(3, queries.findByAsin(ACCOUNT, new dev.cxsentinel.domain.Asin("B08N5WRWNW")).size());
        assertEquals(0, queries.findBySku(new dev.cxsentinel.domain.SellerAccountId("A1OTHERACCOUNT"), new Sku("OTHER")).size());
    }

    @Test
    void listsOffersNeedingAttentionWorstFirstInPages() {
        insert(offer("P-1", Marketplace.DE, CxHealth.POOR, false));
        insert(offer("V-1", Marketplace.DE, CxHealth.VERY_POOR, false));
        insert(offer("C-1", Marketplace.DE, CxHealth.VERY_POOR, true));
        insert(offer("G-1", Marketplace.DE, CxHealth.GOOD, false));
        for (int i = 0; i < 12; i++) {
            insert(offer(String.format("P-%02d", i + 10), Marketplace.FR, CxHealth.POOR, false));
        }
        Page<Offer> first = queries.findNeedingAttention(ACCOUNT, AttentionFilter.ALL, 1, 10);
        assertEquals(15, first.total());
        assertTrue(first.hasMore());
        assertEquals(List.of("C-1", "V-1", "P-1"), first.items().subList(0, 3).stream().map(o -> o.id().sku().value()).toList());
        Page<Offer> second = queries.findNeedingAttention(ACCOUNT, AttentionFilter.ALL, 2, 10);
        assertEquals(5, second.items().size());
        assertFalse(second.hasMore());
        assertEquals(1, queries.findNeedingAttention(ACCOUNT, AttentionFilter.CLOSED, 1, 10).total());
        assertEquals(2, queries.findNeedingAttention(ACCOUNT, AttentionFilter.VERY_POOR, 1, 10).total());
    }

    /** The sweep's markers follow every write of the offer: due after an interval, later after a reminder, not while snoozed, gone on relist. */
    @Test
    void reminderMarkersFollowTheOfferAndTheSweepFindsOnlyDueOnes() {
        Duration day = Duration.ofHours(24);
        Offer closed = insert(offer("C-1", Marketplace.DE, CxHealth.VERY_POOR, true));
        insert(offer("A-1", Marketplace.DE, CxHealth.POOR, false));
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofHours(23)), day, 3), "not yet");
        assertEquals(List.of(closed.id()), queries.dueForReminder(NOW.plus(Duration.ofHours(25)), day, 3), "only the closed one");
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofHours(25)), day, 0), "reminders off");

        Offer reminded = closed.remindIfDue(NOW.plus(Duration.ofHours(25)), day, 3).orElseThrow().after();
        offers.save(new OfferChange(reminded, false, List.of()));
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofHours(25)), day, 3), "the next one is a day later");
        assertEquals(List.of(closed.id()), queries.dueForReminder(NOW.plus(Duration.ofHours(49)), day, 3));

        Offer snoozed = offers.load(closed.id()).orElseThrow().snooze(ANNA, NOW.plus(Duration.ofHours(72)), "", NOW.plus(Duration.ofHours(26))).after();
        offers.saveAll(List.of(new OfferChange(snoozed, false, List.of())));
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofHours(49)), day, 3), "snoozed");
        assertEquals(List.of(closed.id()), queries.dueForReminder(NOW.plus(Duration.ofHours(73)), day, 3), "the snooze ended");

        Offer relisted = offers.load(closed.id()).orElseThrow().relist(ANNA, "fixed", NOW.plus(Duration.ofHours(74))).after();
        offers.save(new OfferChange(relisted, false, List.of()));
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofDays(30)), day, 3), "acted on: no more reminders");

        Offer other = insert(offer("C-2", Marketplace.FR, CxHealth.VERY_POOR, true));
        store.database().getCollection(ReminderMarkers.COLLECTION).drop(); // as a crash between the two writes would leave it
        assertEquals(List.of(), queries.dueForReminder(NOW.plus(Duration.ofDays(2)), day, 3));
        assertEquals(1, offers.repairReminderMarkers());
        assertEquals(List.of(other.id()), queries.dueForReminder(NOW.plus(Duration.ofDays(2)), day, 3), "rebuilt from the offers");
        assertTrue(offers.ensureReminderMarkers(), "a store without the built mark is built once");
        assertFalse(offers.ensureReminderMarkers(), "and only once");
    }

    @Test
    void aNewStoreNeedsNoReminderMarkersBuiltAndSaysSo() {
        assertFalse(offers.ensureReminderMarkers(), "nothing stored: nothing to build (and no log line saying it was built)");
        Offer closed = insert(offer("C-1", Marketplace.DE, CxHealth.VERY_POOR, true));
        assertFalse(offers.ensureReminderMarkers(), "the mark was recorded: offers written since have their markers already");
        assertEquals(List.of(closed.id()), queries.dueForReminder(NOW.plus(Duration.ofHours(25)), Duration.ofDays(1), 3),
                "the marker was written with the offer");
    }

    @Test
    void aClaimedOffersNotificationsBelongToOneDispatcherUntilTheLeaseEnds() {
        Offer stored = offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true);
        Notification n = alert(stored);
        insert(stored, n);

        NotificationOutbox.Claim claim = outbox.claimNext("one", NOW, LEASE).orElseThrow();
        assertEquals(List.of(n.id()), claim.notifications().stream().map(Notification::id).toList());
        assertTrue(outbox.claimNext("two", NOW.plusSeconds(1), LEASE).isEmpty(), "held by one");
        assertTrue(outbox.claimNext("two", NOW.plus(LEASE).plusSeconds(1), LEASE).isPresent(), "an expired lease is claimable");
        assertFalse(outbox.extendLease(stored.id(), "one", NOW.plusSeconds(60)), "one lost it");
        outbox.reschedule(stored.id(), "one", n.id(), NOW.plusSeconds(3600), 7, "late");
        outbox.markFailed(stored.id(), "one", n.id(), 8, "too late");
        Notification after = outbox.notificationsOf(stored.id()).get(0);
        assertEquals(Notification.State.PENDING, after.state(), "a lost lease cannot fail it");
        assertEquals(0, after.attempts(), "nor reschedule it");
        outbox.markSent(stored.id(), "one", n.id(), "1700000000.000200");
        assertEquals(Notification.State.SENT, outbox.notificationsOf(stored.id()).get(0).state(),
                "what was sent is recorded, so the new owner does not send it again");
    }

    @Test
    void sentNotificationsAreRecordedAndTheOfferIsNoLongerClaimable() {
        Offer stored = offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true);
        Notification n = alert(stored);
        insert(stored, n);
        NotificationOutbox.Claim claim = outbox.claimNext("one", NOW, LEASE).orElseThrow();
        outbox.markSent(stored.id(), "one", n.id(), "1700000000.000100");
        outbox.recordThread(stored.id(), "one", LINK.channel(), "1700000000.000100");
        outbox.release(stored.id(), "one");

        assertTrue(outbox.claimNext("one", NOW.plusSeconds(5), LEASE).isEmpty());
        Notification sent = outbox.notificationsOf(stored.id()).get(0);
        assertEquals(Notification.State.SENT, sent.state());
        assertEquals("1700000000.000100", sent.messageTs());
        assertEquals(Map.of(LINK.channel(), "1700000000.000100"), outbox.threadsOf(stored.id()));
        assertEquals(claim.offer(), offers.load(stored.id()).orElseThrow());
    }

    @Test
    void aNotificationOwedWhileTheLeaseIsHeldIsNotLost() {
        Offer stored = insert(offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true), alert(offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true)));
        NotificationOutbox.Claim claim = outbox.claimNext("one", NOW, LEASE).orElseThrow();
        outbox.markSent(stored.id(), "one", claim.notifications().get(0).id(), "1.1");
        Offer relisted = stored.relist(ANNA, "", NOW).after();
        Notification followUp = alert(relisted);
        offers.save(new OfferChange(relisted, false, List.of(followUp)));
        outbox.release(stored.id(), "one");

        NotificationOutbox.Claim next = outbox.claimNext("two", NOW.plusSeconds(1), LEASE).orElseThrow();
        assertTrue(next.notifications().stream().anyMatch(x -> x.id().equals(followUp.id()) && x.state() == Notification.State.PENDING));
    }

    @Test
    void rescheduledAndFailedNotificationsKeepTheirReason() {
        Offer stored = offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true);
        Notification n = alert(stored);
        Notification m = alert(stored);
        insert(stored, n, m);
        outbox.claimNext("one", NOW, LEASE).orElseThrow();
        outbox.reschedule(stored.id(), "one", n.id(), NOW.plusSeconds(30), 1, "HTTP 500");
        outbox.markFailed(stored.id(), "one", m.id(), 1, "channel_not_found");
        outbox.release(stored.id(), "one");
        assertTrue(outbox.claimNext("one", NOW.plusSeconds(10), LEASE).isEmpty(), "not due before its new time");
        NotificationOutbox.Claim later = outbox.claimNext("one", NOW.plusSeconds(31), LEASE).orElseThrow();
        Notification retried = later.notifications().stream().filter(x -> x.id().equals(n.id())).findFirst().orElseThrow();
        assertEquals(1, retried.attempts());
        assertEquals("HTTP 500", retried.lastError());
        Notification failed = later.notifications().stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow();
        assertEquals(Notification.State.FAILED, failed.state());
        assertEquals("channel_not_found", failed.lastError());
        assertEquals(1L, outbox.countByState().get(Notification.State.FAILED));
    }

    @Test
    void aLostOutboxMarkerIsRepaired() {
        Offer stored = offer("SKU-1", Marketplace.DE, CxHealth.VERY_POOR, true);
        insert(stored, alert(stored));
        store.database().getCollection("outbox_due").drop();
        assertTrue(outbox.claimNext("one", NOW, LEASE).isEmpty());
        assertEquals(1, offers.repairOutboxIndex());
        assertTrue(outbox.claimNext("one", NOW, LEASE).isPresent());
    }

    @Test
    void digestsAreClaimedOnceAndCompleted() {
        Offer o = offer("SKU-1", Marketplace.DE, CxHealth.GOOD, false);
        Digest digest = new Digest("imp-1:C0CXALERTS", ACCOUNT, LINK.channel(), Language.DE, "imp-1",
                List.of(new DigestLine(o.id(), o.asin(), o.productName(), EventType.IMPROVED, CxHealth.FAIR, CxHealth.GOOD)),
                3, NOW, NOW, Notification.State.PENDING, 0, null, List.of());
        digests.saveDigest(digest);
        Digest claimed = digests.claimNextDigest("one", NOW, LEASE).orElseThrow();
        assertEquals(digest, claimed);
        assertTrue(digests.claimNextDigest("two", NOW, LEASE).isEmpty());
        digests.completeDigest(digest.id(), "one", Notification.State.SENT, NOW, 1, null, List.of("1.2"));
        assertTrue(digests.claimNextDigest("two", NOW.plus(LEASE).plusSeconds(1), LEASE).isEmpty());
    }

    @Test
    void aWeeklyReviewIsClaimedByOneAndNeverStartedAgainOnceSent() {
        String id = "C0CXALERTS:2026-11-23";
        assertTrue(reviews.claim(id, LINK.channel(), false, "one", NOW, LEASE).isEmpty(), "a retry claims only a review already begun");
        ReviewLedger.Claim first = reviews.claim(id, LINK.channel(), true, "one", NOW, LEASE).orElseThrow();
        assertEquals(0, first.attempts());
        assertTrue(reviews.claim(id, LINK.channel(), true, "two", NOW, LEASE).isEmpty(), "held by one");
        reviews.retryAt(id, "one", NOW.plusSeconds(10), 1, "HTTP 500");
        assertTrue(reviews.claim(id, LINK.channel(), true, "two", NOW.plusSeconds(5), LEASE).isEmpty(), "not before its retry time");
        ReviewLedger.Claim retry = reviews.claim(id, LINK.channel(), false, "two", NOW.plusSeconds(10), LEASE).orElseThrow();
        assertEquals(1, retry.attempts());
        reviews.retryAt(id, "one", NOW.plusSeconds(11), 2, "stale owner"); // one lost it: its write changes nothing
        reviews.markSent(id, "two", "1700000000.000100");
        assertTrue(reviews.claim(id, LINK.channel(), true, "three", NOW.plus(Duration.ofDays(1)), LEASE).isEmpty(), "sent: never again");
        assertTrue(reviews.claim("C0CXALERTS:2026-11-30", LINK.channel(), true, "three", NOW.plus(Duration.ofDays(7)), LEASE).isPresent(),
                "next week's is its own");
    }

    @Test
    void anAccountsOfferIdsAreAllItsOwnAndNoOthers() {
        for (int i = 0; i < 5; i++) {
            insert(offer("SKU-" + i, Marketplace.DE, CxHealth.GOOD, false));
        }
        insert(Offer.discover(new OfferId(new SellerAccountId("A0OTHERACCOUNT"), Marketplace.DE, new Sku("SKU-0")),
                offer("SKU-0", Marketplace.DE, CxHealth.GOOD, false).observed(), NOW).after());
        assertEquals(Set.of("SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4"),
                queries.offerIdsOf(ACCOUNT).stream().map(id -> id.sku().value()).collect(Collectors.toSet()));
    }

    @Test
    void channelLinksRolesAuditAndImports() {
        access.save(LINK);
        assertEquals(Optional.of(LINK), access.find(LINK.channel()));
        assertEquals(List.of(LINK), access.findByAccount(ACCOUNT));
        assertEquals(List.of(LINK), access.findAll());
        assertTrue(access.find(new ChannelId("C0UNLINKED")).isEmpty());

        access.grant(ACCOUNT, ANNA);
        access.grant(ACCOUNT, ANNA);
        assertTrue(access.isOperator(ACCOUNT, ANNA));
        assertEquals(List.of(ANNA), access.operators(ACCOUNT));
        assertTrue(access.revoke(ACCOUNT, ANNA));
        assertFalse(access.revoke(ACCOUNT, ANNA));
        assertFalse(access.isOperator(ACCOUNT, ANNA));

        audit.append(new AuditEntry(NOW, "U0ANNA", ACCOUNT, "relist", "x", "a"));
        audit.append(new AuditEntry(NOW.plusSeconds(1), "U0ANNA", ACCOUNT, "dispute", "x", "b"));
        assertEquals(List.of("dispute", "relist"), audit.recent(ACCOUNT, 10).stream().map(AuditEntry::action).toList());

        ImportRecord record = new ImportRecord("imp-1", ACCOUNT, "cli", NOW, NOW.plusSeconds(2), List.of("offers.csv"), 6, 6, 0, 0, 4, 2, 0, 0, true);
        audit.save(record);
        assertEquals(List.of(record), audit.recentImports(ACCOUNT, 5));
    }

    @Test
    void aRunningImportIsRewrittenInPlaceAndFoundWhenItFallsSilent() {
        ImportRecord running = new ImportRecord("imp-2", ACCOUNT, "cli", NOW, NOW.plusSeconds(5), List.of("big.csv"), 3000, 1000, 0, 0, 0, 0, 40, 0,
                true, ImportRecord.State.RUNNING);
        audit.save(running);
        audit.save(new ImportRecord("imp-2", ACCOUNT, "cli", NOW, NOW.plusSeconds(9), List.of("big.csv"), 3000, 2000, 0, 0, 0, 0, 80, 0,
                true, ImportRecord.State.RUNNING));
        assertEquals(1, audit.recentImports(ACCOUNT, 5).size(), "one record, rewritten");
        assertEquals(List.of(), audit.runningSince(NOW.plusSeconds(9)), "its last batch was not before then");
        ImportRecord silent = audit.runningSince(NOW.plusSeconds(60)).get(0);
        assertEquals(2000, silent.offersNew());
        audit.save(silent.interrupted());
        assertEquals(ImportRecord.State.INTERRUPTED, audit.recentImports(ACCOUNT, 5).get(0).state());
        assertEquals(List.of(), audit.runningSince(NOW.plusSeconds(60)));

        Offer o = offer("SKU-1", Marketplace.DE, CxHealth.GOOD, false);
        Digest held = new Digest("imp-2:C0CXALERTS", ACCOUNT, LINK.channel(), Language.EN, "imp-2",
                List.of(new DigestLine(o.id(), o.asin(), o.productName(), EventType.IMPROVED, CxHealth.FAIR, CxHealth.GOOD)),
                0, NOW, NOW, Notification.State.HELD, 0, null, List.of());
        digests.saveDigest(held);
        assertTrue(digests.claimNextDigest("one", NOW.plusSeconds(60), LEASE).isEmpty(), "a held digest is not delivered");
        digests.releaseHeld("imp-2", NOW.plusSeconds(60));
        assertEquals(held.id(), digests.claimNextDigest("one", NOW.plusSeconds(60), LEASE).orElseThrow().id(), "released, it is");
    }

    @Test
    void linksAndGrantsFromAnotherProcessCountAtOnceAndItsRevocationsSoon() throws Exception {
        MongoAccessRepository other = new MongoAccessRepository(store);
        MongoAccessRepository mine = new MongoAccessRepository(store, Duration.ofMillis(300));
        assertFalse(mine.isOperator(ACCOUNT, ANNA));
        assertTrue(mine.find(LINK.channel()).isEmpty());

        other.save(LINK);
        other.grant(ACCOUNT, ANNA);
        assertEquals(Optional.of(LINK), mine.find(LINK.channel()));
        assertTrue(mine.isOperator(ACCOUNT, ANNA));
        eventually(() -> mine.findByAccount(ACCOUNT).equals(List.of(LINK)), "a link made by another process never reached this one");

        other.revoke(ACCOUNT, ANNA);
        eventually(() -> !mine.isOperator(ACCOUNT, ANNA), "a revocation in another process never reached this one");
    }

    private static void eventually(java.util.function.BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(50);
        }
    }

    @Test
    void thisProcessesOwnChangesCountAtOnceDespiteTheSnapshot() {
        access.save(LINK);
        access.grant(ACCOUNT, ANNA);
        assertTrue(access.isOperator(ACCOUNT, ANNA));
        assertEquals(List.of(LINK), access.findByAccount(ACCOUNT));

        access.revoke(ACCOUNT, ANNA);
        ChannelLink german = new ChannelLink(LINK.channel(), LINK.account(), Language.DE, LINK.linkedBy(), LINK.linkedAt());
        access.save(german);
        assertFalse(access.isOperator(ACCOUNT, ANNA));
        assertEquals(Optional.of(german), access.find(LINK.channel()));
        assertEquals(List.of(german), access.findByAccount(ACCOUNT));
    }
}
