package dev.cxsentinel.adapters.mongo;

import static dev.cxsentinel.adapters.mongo.TestOffers.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cxsentinel.adapters.mongo.embedded.DurableH2Backend;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SlackUserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2-backed embedded store: durability, exclusivity, bad directories, and an unreachable database. */
class EmbeddedStoreTest {
    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() {
        Offer offer = offer("SKU-1", Marketplace.DE, CxHealth.POOR, false);
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            new MongoOfferRepository(store).save(new OfferChange(offer, true, List.of()));
        }
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            assertEquals(offer.withVersion(1), new MongoOfferRepository(store).load(offer.id()).orElseThrow());
        }
    }

    /**
     * Files the library's own H2 backend wrote (Java-serialized documents, as this store wrote them before it kept
     * BSON) are read and updated, and a file holding both kinds reads whole after a restart.
     */
    @Test
    void aFileWrittenByThePlainLibraryBackendIsReadAndUpdated() {
        Path file = dir.resolve(EmbeddedStore.FILE_NAME);
        MVStore mv = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend plain = new H2Backend(mv);
        MongoServer server = new MongoServer(plain);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("cx").getCollection("offers").insertMany(List.of(
                    new Document("_id", "a").append("version", 1L).append("at", new java.util.Date(1_700_000_000_000L)),
                    new Document("_id", "b").append("version", 2L).append("tags", List.of("x", "y"))));
        } finally {
            server.shutdownNow();
            plain.close();
        }

        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            MongoCollection<Document> offers = store.database().getCollection("offers");
            assertEquals(2, offers.countDocuments());
            assertEquals(1, offers.updateOne(new Document("_id", "b").append("version", 2L), Updates.set("version", 3L)).getMatchedCount());
            assertEquals(0, offers.updateOne(new Document("_id", "a").append("version", 5L), Updates.set("version", 6L)).getMatchedCount());
            offers.insertOne(new Document("_id", "c").append("version", 1L).append("nested", new Document("n", 1.5)));
        }

        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            MongoCollection<Document> offers = store.database().getCollection("offers");
            List<Document> all = offers.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertEquals(List.of(1L, 3L, 1L), all.stream().map(d -> d.getLong("version")).toList());
            assertEquals(new java.util.Date(1_700_000_000_000L), all.get(0).getDate("at"), "a document never rewritten, read the old way");
            assertEquals(List.of("x", "y"), all.get(1).getList("tags", String.class), "rewritten as BSON");
            assertEquals(1.5, all.get(2).get("nested", Document.class).getDouble("n"));
            assertEquals(1L, offers.find(new Document("_id", "c")).first().getLong("version"));
            assertThrows(MongoWriteException.class, () -> offers.insertOne(new Document("_id", "c")));
        }
    }

    @Test
    void nothingAcknowledgedIsLostOnKillMinus9() throws Exception {
        int count = 200;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildWriter.class.getName(),
                dir.toString(), Integer.toString(count)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("DONE")) {
                if (line.startsWith("ACK ")) {
                    acknowledged++;
                }
            }
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(count, acknowledged);

        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            assertEquals(count, store.database().getCollection("offers").countDocuments());
            assertFalse(embedded.startedClean(), "a killed process did not stop in order: the start repairs");
            assertEquals(count, new MongoOfferRepository(store).repairOutboxIndex(), "every acknowledged offer's alert is queued");
            assertEquals(count, store.database().getCollection(OfferDocuments.DUE).countDocuments(),
                    "markers, which are not committed one by one, are whole again after the repair");
        }
    }

    /** Markers and fingerprints ride along with the next commit; offers (and everything else) are committed before the answer. */
    @Test
    void onlyWritesTheStartUpCannotRebuildAreCommittedOneByOne() {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            long before = DurableH2Backend.COMMITS.get();
            for (String derived : EmbeddedStore.DERIVED) {
                store.database().getCollection(derived).insertOne(new Document("_id", "x"));
            }
            assertEquals(before, DurableH2Backend.COMMITS.get(), "no commit of its own for a marker or a fingerprint");
            new MongoOfferRepository(store).save(new OfferChange(offer("SKU-1", Marketplace.DE, CxHealth.POOR, false), true, List.of()));
            assertEquals(before + 1, DurableH2Backend.COMMITS.get(), "the offer is committed before the answer");
        }
    }

    /** A relist's writes (fingerprint void, offer with its owed follow-up, markers, audit line) make one file commit. */
    @Test
    void aRelistIsOneFileCommit() {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            MongoOfferRepository offers = new MongoOfferRepository(store);
            MongoAuditRepository audit = new MongoAuditRepository(store);
            Offer closed = offer("SKU-1", Marketplace.DE, CxHealth.POOR, true);
            offers.save(new OfferChange(closed, true, List.of()));
            Offer stored = offers.load(closed.id()).orElseThrow();
            long before = DurableH2Backend.COMMITS.get();

            Offer relisted = stored.relist(new SlackUserId("U0ANNA"), "fixed", TestOffers.NOW).after();
            offers.save(new OfferChange(relisted, false, List.of(TestOffers.alert(relisted))));
            audit.appendOfferAction(relisted.id(), relisted.history().get(relisted.history().size() - 1));

            assertEquals(before + 1, DurableH2Backend.COMMITS.get(), "the offer's write is the one durable write");
            assertEquals(1, audit.recent(TestOffers.ACCOUNT, 10).size());
        }
    }

    /** Only a process that repaired an unclean start may record an orderly stop; one that did not leaves the repair to the next. */
    @Test
    void anOrderlyStopIsRecordedOnlyWhereTheStartWasCleanOrRepaired() {
        EmbeddedStore.open(dir).close();
        assertFalse(Files.exists(dir.resolve(EmbeddedStore.CLEAN_FILE)), "a new or unclean store that nobody repaired stays unclean");
        try (EmbeddedStore embedded = EmbeddedStore.open(dir)) {
            assertFalse(embedded.startedClean());
            embedded.markRepaired();
        }
        try (EmbeddedStore embedded = EmbeddedStore.open(dir)) {
            assertTrue(embedded.startedClean(), "repaired, then stopped in order");
        }
        assertTrue(Files.exists(dir.resolve(EmbeddedStore.CLEAN_FILE)));
    }

    @Test
    void aSecondServerOnTheSameDirectoryGetsAClearError() {
        try (EmbeddedStore first = EmbeddedStore.open(dir)) {
            StoreInUseException e = assertThrows(StoreInUseException.class, () -> EmbeddedStore.open(dir));
            assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
            assertEquals(first.connectionString(), e.runningUri());
            assertEquals(first.connectionString(), EmbeddedStore.runningInstance(dir).orElseThrow());
        }
        try (EmbeddedStore again = EmbeddedStore.open(dir)) {
            assertTrue(again.port() > 0, "the first server's close released the directory");
        }
        assertTrue(EmbeddedStore.runningInstance(dir).isEmpty());
    }

    @Test
    void anUnusableDataDirectoryIsExplained() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        StoreConfigurationException e = assertThrows(StoreConfigurationException.class, () -> EmbeddedStore.open(file.resolve("data")));
        assertTrue(e.getMessage().contains(file.resolve("data").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("CX_DATA_DIR"), e.getMessage());
        StoreConfigurationException notDir = assertThrows(StoreConfigurationException.class, () -> EmbeddedStore.open(file));
        assertTrue(notDir.getMessage().contains("not a directory"), notDir.getMessage());
    }

    @Test
    void repeatedRewritesDoNotGrowTheFileWithoutBound() throws Exception {
        long[] sizes = new long[3];
        for (int round = 0; round < 3; round++) {
            try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
                MongoOfferRepository offers = new MongoOfferRepository(store);
                for (int i = 0; i < 300; i++) {
                    Offer o = offer("SKU-" + i, Marketplace.DE, CxHealth.POOR, false);
                    store.database().getCollection("offers").deleteOne(new org.bson.Document("_id", o.id().value()));
                    offers.save(new OfferChange(o, true, List.of()));
                }
            }
            try (EmbeddedStore reopened = EmbeddedStore.open(dir)) {
                sizes[round] = Files.size(dir.resolve(EmbeddedStore.FILE_NAME));
            }
        }
        assertTrue(sizes[2] <= sizes[0] * 1.5, "file grew from " + sizes[0] + " to " + sizes[2] + " bytes");
    }

    /**
     * A database that hangs (connections open, no answers) fails what a user waits for in about two seconds, not
     * after the 30 s socket timeout, and answers again once it resumes. A deadline, not a speed target: the bound
     * only has to tell two seconds from thirty.
     */
    @Test
    void aFrozenDatabaseFailsInteractiveCallsWithinSecondsAndRecovers() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        try (FreezableProxy proxy = new FreezableProxy(server.getLocalAddress());
             MongoStore store = MongoStore.connect("mongodb://127.0.0.1:" + proxy.port() + "/", "cx")) {
            MongoOfferRepository offers = new MongoOfferRepository(store);
            MongoAccessRepository access = new MongoAccessRepository(store);
            Offer offer = offer("SKU-1", Marketplace.DE, CxHealth.POOR, false);
            offers.save(new OfferChange(offer, true, List.of()));
            proxy.freeze();

            for (Runnable call : List.<Runnable>of(() -> offers.load(offer.id()),
                    () -> offers.save(new OfferChange(offer("SKU-2", Marketplace.DE, CxHealth.POOR, false), true, List.of())),
                    () -> access.find(new ChannelId("C0FROZEN")))) {
                long start = System.nanoTime();
                assertThrows(StoreUnavailableException.class, call::run);
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(took < 10_000, "reported after " + took + " ms");
            }
            assertFalse(store.isReachable(), "and /healthz says so");

            proxy.thaw();
            awaitReachable(store);
            assertTrue(offers.load(offer.id()).isPresent(), "answers again once the database resumes");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aStoppedDatabaseGivesAClearErrorWithinSecondsAndTheAppRecovers() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = server.getLocalAddress().getPort();
        try (MongoStore store = MongoStore.connect("mongodb://127.0.0.1:" + port + "/", "cx")) {
            MongoOfferRepository offers = new MongoOfferRepository(store);
            Offer offer = offer("SKU-1", Marketplace.DE, CxHealth.POOR, false);
            offers.save(new OfferChange(offer, true, List.of()));
            server.shutdownNow();

            long start = System.nanoTime();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> offers.load(offer.id()));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 10_000);
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            assertTrue(!store.isReachable());

            MongoServer again = new MongoServer(new MemoryBackend());
            again.bind(new InetSocketAddress("127.0.0.1", port));
            try {
                awaitReachable(store);
                assertTrue(offers.load(offer.id()).isEmpty(), "a fresh (empty) server answers again");
            } finally {
                again.shutdownNow();
            }
        }
    }

    /** Counted, not timed: the commands the driver sends when the store is opened for use. */
    @Test
    void openingTheEmbeddedStoreBuildsNoIndexesItWouldIgnore() {
        List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
        com.mongodb.event.CommandListener listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        try (EmbeddedStore embedded = EmbeddedStore.open(dir);
             MongoStore store = MongoStore.connect(embedded.connectionString(), "cx", true, listener)) {
            store.ensureIndexes();
            assertEquals(0, commands.stream().filter("createIndexes"::equals).count(), "no placeholder index is built at open");
        }
        commands.clear();
        try (EmbeddedStore embedded = EmbeddedStore.open(dir);
             MongoStore store = MongoStore.connect(embedded.connectionString(), "cx", false, listener)) {
            store.ensureIndexes();
            assertEquals(11, commands.stream().filter("createIndexes"::equals).count(), "a real MongoDB gets its indexes");
        }
    }

    @Test
    void theFileIsCompactedOnlyWhenItHasDoubledAndALeftoverCopyIsRemoved() throws Exception {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            store.database().getCollection("offers").insertOne(new Document("_id", "a").append("pad", "x".repeat(1000)));
            for (int i = 0; i < 200; i++) { // every write leaves the old version behind: mostly garbage
                store.database().getCollection("offers").updateOne(new Document("_id", "a"), Updates.set("n", i));
            }
        }
        long before = Compaction.COMPACTIONS.get();
        EmbeddedStore.open(dir).close();
        assertEquals(before + 1, Compaction.COMPACTIONS.get(), "the first open after writing compacts and records the size");
        long size = Long.parseLong(Files.readString(dir.resolve(Compaction.COMPACTED_FILE)).strip());
        Path leftover = dir.resolve("cx-sentinel.mv.db.tempFile");
        Files.writeString(leftover, "half a copy");
        EmbeddedStore.open(dir).close();
        assertEquals(before + 1, Compaction.COMPACTIONS.get(), "not again while the file is under twice that size");
        assertTrue(Files.size(dir.resolve("cx-sentinel.mv.db")) < 2 * size);
        assertTrue(!Files.exists(leftover), "a copy a crash left behind is removed");
    }

    /** A file that doubled but is mostly live data (a fresh import) is not rewritten: it would gain little and cost seconds. */
    @Test
    void aFileOfMostlyLiveDataIsNotCompacted() throws Exception {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                docs.add(new Document("_id", "offer-" + i).append("pad", "x".repeat(500)));
            }
            store.database().getCollection("offers").insertMany(docs);
        }
        long before = Compaction.COMPACTIONS.get();
        long size = Files.size(dir.resolve(EmbeddedStore.FILE_NAME));
        EmbeddedStore.open(dir).close();
        assertEquals(before, Compaction.COMPACTIONS.get(), "one bulk insert: nearly all of the file is live");
        assertEquals(size, Long.parseLong(Files.readString(dir.resolve(Compaction.COMPACTED_FILE)).strip()), "and not looked at again until it doubles");
    }

    /** The loopback port answers any local process: only a client that names the store's secret application name is served. */
    @Test
    void aLocalClientWithoutTheStoresSecretNameIsRefused() throws Exception {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir)) {
            try (MongoClient stranger = MongoClients.create("mongodb://127.0.0.1:" + embedded.port() + "/")) {
                com.mongodb.MongoException e = assertThrows(com.mongodb.MongoException.class, () -> stranger.getDatabase("cx_sentinel")
                        .getCollection("operator_roles").insertOne(new Document("_id", "A2EUQ1WTGCTBG2:U0EVE")));
                assertEquals(13, e.getCode(), "unauthorized");
                assertThrows(com.mongodb.MongoException.class, () -> stranger.getDatabase("cx_sentinel").getCollection("offers").find().first());
            }
            try (MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
                store.database().getCollection("operator_roles").insertOne(new Document("_id", "A2EUQ1WTGCTBG2:U0ANNA"));
                assertEquals(1, store.database().getCollection("operator_roles").countDocuments());
            }
            assertEquals(EmbeddedStore.runningInstance(dir).orElseThrow(), embedded.connectionString(), "another process of the owner can join");
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(dir.resolve(EmbeddedStore.SECRET_FILE)), "the secret is readable by the owner only");
        }
    }

    private static void awaitReachable(MongoStore store) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (!store.isReachable()) {
                Thread.sleep(100);
            }
        });
    }
}
