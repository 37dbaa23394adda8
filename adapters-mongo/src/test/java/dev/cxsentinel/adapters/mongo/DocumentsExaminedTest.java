package dev.cxsentinel.adapters.mongo;

import static dev.cxsentinel.adapters.mongo.TestOffers.LINK;
import static dev.cxsentinel.adapters.mongo.TestOffers.NOW;
import static dev.cxsentinel.adapters.mongo.TestOffers.alert;
import static dev.cxsentinel.adapters.mongo.TestOffers.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.service.ReminderService;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the background work and the re-import read, counted as the embedded server's documents examined (its
 * {@code docsExamined}), not timed: a store of 2,000 offers, 1,600 of them closed and 300 owing an alert.
 */
class DocumentsExaminedTest {
    static final int OFFERS = 2000;
    static final String DB = "cx";

    EmbeddedStore embedded;
    MongoStore store;
    MongoOfferRepository offers;
    List<OfferId> ids = new ArrayList<>();

    @BeforeEach
    void fill() {
        embedded = EmbeddedStore.inMemory();
        store = MongoStore.connect(embedded.connectionString(), DB);
        offers = new MongoOfferRepository(store);
        new MongoAccessRepository(store).save(LINK);
        List<OfferChange> batch = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            Offer offer = offer(String.format("SKU-%05d", i), Marketplace.DE, CxHealth.VERY_POOR, i % 5 != 0);
            ids.add(offer.id());
            batch.add(new OfferChange(offer, true, i < 300 ? List.of(alert(offer)) : List.of()));
            if (batch.size() == 1000) {
                offers.saveAll(batch);
                batch.clear();
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
        embedded.close();
    }

    long examined(String collection) {
        return embedded.documentsExamined(DB, collection);
    }

    @Test
    void aDispatcherClaimReadsTheDueMarkersAndOneOfferNotTheStore() {
        MongoNotificationOutbox outbox = new MongoNotificationOutbox(store, () -> NOW);
        long offersBefore = examined(OfferDocuments.OFFERS);
        long markersBefore = examined(OfferDocuments.DUE);

        assertTrue(outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15)).isPresent());

        assertEquals(1, examined(OfferDocuments.OFFERS) - offersBefore, "only the claimed offer");
        assertTrue(examined(OfferDocuments.DUE) - markersBefore <= 300 + 1, "the 300 markers once and the claimed one, never the 2,000 offers");
    }

    /** A backlog is worked through with one read of the markers, not one per claim. */
    @Test
    void aBacklogIsClaimedWithoutReadingEveryMarkerForEveryClaim() {
        MongoNotificationOutbox outbox = new MongoNotificationOutbox(store, () -> NOW);
        long before = examined(OfferDocuments.DUE);
        for (int i = 0; i < 100; i++) {
            assertTrue(outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15)).isPresent());
        }
        long read = examined(OfferDocuments.DUE) - before;
        assertTrue(read <= 300 + 100, "one read of the 300 markers, then each claimed by id: " + read + " (it was 100 × 300)");
    }

    /**
     * While the 300 alerts' channel waits for its pace, a dispatcher round reads nothing (and claims, so writes,
     * nothing); an alert owed to another channel, marked after the backlog, is claimed past it.
     */
    @Test
    void aBacklogWaitingForItsChannelCostsNothingAndDoesNotHoldBackAnotherChannel() {
        MongoNotificationOutbox outbox = new MongoNotificationOutbox(store, () -> NOW);
        Set<ChannelId> paced = Set.of(LINK.channel());
        assertTrue(outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15), paced).isEmpty());
        long before = examined(OfferDocuments.DUE) + examined(OfferDocuments.OFFERS);
        for (int i = 0; i < 100; i++) {
            assertTrue(outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15), paced).isEmpty());
        }
        assertEquals(0, examined(OfferDocuments.DUE) + examined(OfferDocuments.OFFERS) - before,
                "waiting rounds read nothing: the view of the markers is " + DueQueue.MIN_AGE + " old at most here");

        Offer other = offers.load(ids.get(1500)).orElseThrow();
        ChannelLink second = new ChannelLink(new ChannelId("C0SECOND"), LINK.account(), LINK.language(), LINK.linkedBy(), NOW);
        offers.save(new OfferChange(other, false, List.of(Notification.owed(other.id(), Notification.Kind.ALERT, second,
                EventType.CLOSED, CxHealth.POOR, other.health(), null, 0, false, NOW.plusMillis(500)))));

        NotificationOutbox.Claim claim = outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15), paced).orElseThrow();
        assertEquals(other.id(), claim.offer().id(), "the other channel's alert, though 300 earlier ones wait");
        assertTrue(outbox.claimNext("dispatcher-1", NOW.plusSeconds(1), Duration.ofSeconds(15), Set.of()).isPresent(),
                "the backlog is claimed once its channel is free");
    }

    @Test
    void aReimportChecksFingerprintsWithoutReadingOffers() {
        MongoImportFingerprints prints = new MongoImportFingerprints(store);
        Map<OfferId, ImportFingerprints.Fingerprint> recorded = new HashMap<>();
        ids.forEach(id -> recorded.put(id, new ImportFingerprints.Fingerprint(id.hashCode(), 1)));
        prints.record(recorded);
        long offersBefore = examined(OfferDocuments.OFFERS);
        long printsBefore = examined(MongoImportFingerprints.COLLECTION);

        assertEquals(1000, prints.recorded(ids.subList(0, 1000)).size());

        assertEquals(0, examined(OfferDocuments.OFFERS) - offersBefore, "no offer is read");
        assertEquals(1000, examined(MongoImportFingerprints.COLLECTION) - printsBefore, "each fingerprint once, by id");
        long loadBefore = examined(OfferDocuments.OFFERS);
        assertEquals(1000, offers.loadAll(ids.subList(0, 1000)).size());
        assertEquals(1000, examined(OfferDocuments.OFFERS) - loadBefore, "loading by id reads each offer once");
    }

    @Test
    void theReminderSweepReadsItsMarkersAndOnlyTheOffersDue() {
        ReminderService sweep = new ReminderService(new MongoOfferQueries(store), offers, offers, new MongoAccessRepository(store),
                () -> NOW.plus(Duration.ofHours(1)), AlertSettings.DEFAULTS, () -> { });
        long offersBefore = examined(OfferDocuments.OFFERS);
        long markersBefore = examined(ReminderMarkers.COLLECTION);

        assertEquals(0, sweep.remindDue(), "nothing is due an hour after the closures");

        assertEquals(0, examined(OfferDocuments.OFFERS) - offersBefore, "no offer read when none is due");
        assertTrue(examined(ReminderMarkers.COLLECTION) - markersBefore <= 1600, "at most one marker per closed offer");

        ReminderService dayLater = new ReminderService(new MongoOfferQueries(store), offers, offers, new MongoAccessRepository(store),
                () -> NOW.plus(Duration.ofHours(25)), AlertSettings.DEFAULTS, () -> { });
        long before = examined(OfferDocuments.OFFERS);
        assertEquals(1600, dayLater.remindDue(), "one reminder owed per closed offer");
        long read = examined(OfferDocuments.OFFERS) - before;
        assertEquals(2 * 1600, read, "each due offer loaded once and written once by id, no other offer read");
    }
}
