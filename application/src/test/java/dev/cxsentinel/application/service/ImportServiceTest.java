package dev.cxsentinel.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Expectation;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import use case over the in-memory store, whose versioned writes make the conflict path run. */
class ImportServiceTest {
    static final Instant NOW = TestData.NOW;
    static final SellerAccountId ACCOUNT = TestData.ACCOUNT;
    static final ChannelLink LINK = TestData.LINK;

    final InMemoryStore store = new InMemoryStore();
    int owedSignals;
    Instant now = NOW;
    ImportService service;

    @BeforeEach
    void setUp() {
        store.save(LINK);
        service = new ImportService(new AccessService(store, store, new Admins(Set.of())), store, store, store, store,
                store, store, store, () -> now, () -> owedSignals++, new Metrics());
    }

    static ReportFile resource(String name) throws Exception {
        try (InputStream in = ImportServiceTest.class.getResourceAsStream("/reports/" + name)) {
            return ReportFile.ofBytes(name, in.readAllBytes());
        }
    }

    ImportCxReport.ImportSummary run(boolean skipInvalid, ReportFile... files) {
        return service.importReport(new ImportCxReport.ImportCxReportCommand(ACCOUNT, "cli", Optional.empty(), List.of(files), skipInvalid));
    }

    @Test
    void aFirstImportCreatesOffersAndOwesAnAlertForTheClosedOneInTheSameWrite() throws Exception {
        var summary = run(false, resource("offers-en.csv"), resource("comments-en.csv"));

        assertTrue(summary.applied());
        assertEquals(6, summary.record().offersNew());
        assertEquals(10, summary.record().rowsRead());
        assertEquals(4, summary.record().commentsAdded());
        OfferChange kettle = store.written.stream().filter(c -> c.offer().id().sku().value().equals("HB-KETTLE-02")).findFirst().orElseThrow();
        assertEquals(OfferStatus.CLOSED, kettle.offer().status());
        assertEquals(2, kettle.offer().comments().size());
        assertEquals(1, kettle.owed().size());
        Notification alert = kettle.owed().get(0);
        assertEquals(Notification.Kind.ALERT, alert.kind());
        assertEquals(EventType.CLOSED, alert.event());
        assertEquals(LINK.channel(), alert.channel());
        // the POOR phone case alerts too; the GOOD offers owe nothing
        assertEquals(2, summary.record().alertsOwed());
        assertEquals(List.of(summary.record()), store.imports);
        assertEquals(1, owedSignals);
    }

    @Test
    void anUnchangedReimportWritesNothingAndAlertsNobody() throws Exception {
        run(false, resource("offers-en.csv"), resource("comments-en.csv"));
        store.written.clear();
        owedSignals = 0;

        var again = run(false, resource("offers-en.csv"), resource("comments-en.csv"));

        assertEquals(List.of(), store.written);
        assertEquals(6, again.record().offersUnchanged());
        assertEquals(0, again.record().alertsOwed());
        assertEquals(0, owedSignals);
        assertEquals(List.of(), store.digests);
    }

    /**
     * A daily re-import of a dated download reads no offer whose row is as it was (the fingerprints say so); an
     * offer written since by anything else, or whose row changed by a hair, is read and applied as always.
     */
    @Test
    void aDatedReimportReadsOnlyOffersWrittenSinceOrWhoseRowChanged() {
        String header = "marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,last_offer_closed_date,last_updated\n";
        String kettle1 = "DE,B07XJ8C8F5,HB-KETTLE-01,FBA,Good,0.9%,,2026-11-26\n";
        String kettle2 = "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,12.34%,2026-11-20,2026-11-26\n";
        String kettle3 = "DE,B09G9FPHY6,HB-KETTLE-03,FBA,Fair,3.0%,,2026-11-26\n";
        ReportFile day = ReportFile.ofBytes("day.csv", (header + kettle1 + kettle2 + kettle3).getBytes(StandardCharsets.UTF_8));
        run(false, day);
        store.offersRead = 0;
        store.written.clear();

        var again = run(false, day);
        assertEquals(0, store.offersRead, "no offer read: every row matches its fingerprint");
        assertEquals(3, again.record().offersUnchanged());
        assertEquals(List.of(), store.written);

        OfferId two = new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));
        store.put(store.get(two).relist(TestData.ANNA, "relisted from Slack", NOW).after());
        run(false, day);
        assertEquals(1, store.offersRead, "the relisted offer is read and the row applied to it again");

        store.offersRead = 0;
        ReportFile hair = ReportFile.ofBytes("hair.csv", (header + kettle1 + kettle2.replace("12.34%", "12.38%") + kettle3)
                .getBytes(StandardCharsets.UTF_8));
        var changed = run(false, hair);
        assertEquals(1, store.offersRead, "a rate changed by 0.04 points is a changed row (the fingerprint is exact)");
        assertEquals(1, changed.record().offersChanged());
        assertEquals(1238, store.get(two).ncxRate().basisPoints());
    }

    /** A report without "Last updated" dates re-imported the next day is as unchanged as a dated one, and as cheap. */
    @Test
    void aDatelessReimportTheNextDayReadsNoOfferWhoseRowIsAsItWas() {
        String header = "marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,last_offer_closed_date\n";
        String kettle1 = "DE,B07XJ8C8F5,HB-KETTLE-01,FBA,Good,0.9%,\n";
        String kettle2 = "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,12.34%,2026-11-20\n";
        ReportFile day = ReportFile.ofBytes("day.csv", (header + kettle1 + kettle2).getBytes(StandardCharsets.UTF_8));
        run(false, day);
        store.offersRead = 0;
        store.written.clear();

        now = NOW.plus(java.time.Duration.ofDays(1));
        var again = run(false, day);
        assertEquals(0, store.offersRead, "no offer read: every row matches its fingerprint");
        assertEquals(2, again.record().offersUnchanged());
        assertEquals(List.of(), store.written);

        now = NOW.plus(java.time.Duration.ofDays(2));
        var worse = run(false, ReportFile.ofBytes("worse.csv", (header + kettle1.replace("Good", "Fair") + kettle2)
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, store.offersRead, "the changed row's offer is read and the row applied");
        assertEquals(1, worse.record().offersChanged());
        assertEquals(LocalDate.of(2026, 11, 28), store.get(new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-01"))).observed().asOf(),
                "as of the day of that import");
    }

    /**
     * A re-import that changed little reads its report once: the rows that differ from their fingerprint are kept
     * from the first pass. How many times a pass opens the file is measured, not assumed: by an import rejected
     * after its first pass (a second file with an invalid row).
     */
    @Test
    void aReimportThatChangedLittleReadsItsReportOnceAndAppliesWhatChanged() {
        int rows = 3000;
        Counted day = new Counted(catalogue("day.csv", rows, i -> "Good"));
        int onePass = opensOfOnePass(day);

        var first = run(false, day);
        assertEquals(rows, first.record().offersNew());
        assertEquals(onePass, day.opensSince(), "a first import of fewer rows than the screen keeps reads its report once");

        store.offersRead = 0;
        var again = run(false, day);
        assertEquals(onePass, day.opensSince(), "an unchanged re-import reads its report once");
        assertEquals(rows, again.record().offersUnchanged());
        assertEquals(0, store.offersRead);

        Counted later = new Counted(catalogue("later.csv", rows, i -> i % 100 == 7 ? "Fair" : "Good"));
        var changed = run(false, later);
        assertEquals(onePass, later.opensSince(), "a re-import with 1 % of rows changed reads its report once");
        assertEquals(rows / 100, changed.record().offersChanged());
        assertEquals(rows - rows / 100, changed.record().offersUnchanged());
        assertEquals(rows / 100, store.offersRead, "and reads only the changed rows' offers");
        assertEquals(CxHealth.FAIR, store.get(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SKU-00107"))).health());
        assertEquals(CxHealth.GOOD, store.get(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SKU-00108"))).health());
    }

    /** Past what the screen keeps, the files are read again, with the same outcome; and so with a comment file. */
    @Test
    void aReportThatChangedMuchIsReadAgainAndAppliedAllTheSame() throws Exception {
        int rows = UnchangedRowScreen.KEPT_AT_LEAST + 2000;
        Counted day = new Counted(catalogue("day.csv", rows, i -> "Good"));
        int onePass = opensOfOnePass(day);

        var first = run(false, day);
        assertTrue(day.opensSince() > onePass, "too many new rows to keep: the report is read again");
        assertEquals(rows, first.record().offersNew());

        Counted worse = new Counted(catalogue("worse.csv", rows, i -> i % 10 == 0 ? "Good" : "Fair"));
        var changed = run(false, worse);
        assertTrue(worse.opensSince() > onePass, "nine rows in ten changed: read again");
        assertEquals(rows / 10 * 9, changed.record().offersChanged());
        assertEquals(rows / 10, changed.record().offersUnchanged());
        assertEquals(CxHealth.GOOD, store.get(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SKU-00000"))).health());
        assertEquals(CxHealth.FAIR, store.get(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SKU-00001"))).health());

        Counted offers = new Counted(resource("offers-en.csv"));
        int offersOnePass = opensOfOnePass(offers);
        var withComments = run(false, offers, resource("comments-en.csv"));
        assertTrue(offers.opensSince() > offersOnePass, "with a comment file the offer rows are read again");
        assertEquals(4, withComments.record().commentsAdded());
    }

    /** Opens of {@code file} by the first pass alone: an import rejected for another file's invalid row. */
    private int opensOfOnePass(Counted file) {
        ReportFile invalid = ReportFile.ofBytes("invalid.csv",
                "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B07XJ8C8F5,OTHER-1,FBA,Splendid\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(run(false, file, invalid).applied());
        return file.opensSince();
    }

    static ReportFile catalogue(String name, int rows, java.util.function.IntFunction<String> health) {
        StringBuilder csv = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("DE,B07XJ8C8F5,SKU-%05d,FBA,%s%n", i, health.apply(i)));
        }
        return ReportFile.ofBytes(name, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A report file that counts how often it is opened. */
    static final class Counted implements ReportFile {
        private final ReportFile file;
        private int opens;

        Counted(ReportFile file) {
            this.file = file;
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public InputStream open() throws java.io.IOException {
            opens++;
            return file.open();
        }

        /** Opens since the last call. */
        int opensSince() {
            int counted = opens;
            opens = 0;
            return counted;
        }
    }

    @Test
    void aFileWithAnInvalidRowIsRejectedWholeAndNothingIsWritten() {
        ReportFile bad = ReportFile.ofBytes("bad.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B07XJ8C8F5,OK-1,FBA,Good\nDE,B07XJ8C8F5,BAD-1,FBA,Superb\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, bad);
        assertFalse(summary.applied());
        assertEquals(1, summary.errorCount());
        assertEquals(3, summary.errors().get(0).line());
        assertEquals(1, summary.record().rowsRejected());
        assertEquals(List.of(), store.written);
        assertEquals(List.of(), store.imports);
    }

    @Test
    void skipInvalidImportsTheValidRowsAndStillReportsTheRest() {
        ReportFile bad = ReportFile.ofBytes("bad.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B07XJ8C8F5,OK-1,FBA,Good\nDE,B07XJ8C8F5,BAD-1,FBA,Superb\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(true, bad);
        assertTrue(summary.applied());
        assertEquals(1, summary.record().offersNew());
        assertEquals(1, summary.errorCount());
        assertEquals(1, store.written.size());
    }

    @Test
    void aRepeatedOfferIsAnError() {
        ReportFile dup = ReportFile.ofBytes("dup.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B07XJ8C8F5,SKU-1,FBA,Good\nFR,B07XJ8C8F5,SKU-1,FBA,Good\namazon.de,B07XJ8C8F5,SKU-1,FBA,Poor\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, dup);
        assertFalse(summary.applied());
        assertEquals(1, summary.errorCount());
        assertEquals(4, summary.errors().get(0).line());
        assertEquals(Expectation.of("offer-once", "DE", "SKU-1", 2L), summary.errors().get(0).expected(), "names the first line");
    }

    @Test
    void commentsForUnknownOffersAreErrors() {
        ReportFile comments = ReportFile.ofBytes("c.csv", ("marketplace,asin,sku,date,comment\n"
                + "DE,B07XJ8C8F5,NOPE,2026-11-01,broken\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, comments);
        assertFalse(summary.applied());
        assertEquals(Expectation.of("known-offer", ACCOUNT.value(), "DE", "NOPE"), summary.errors().get(0).expected());
    }

    @Test
    void improvementsGoToOneDigestPerChannel() throws Exception {
        run(false, resource("offers-en.csv"));
        ReportFile better = ReportFile.ofBytes("better.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B09G9FPHY6,CASE-IP14-BLK,FBM,Fair\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Good\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, better);
        assertEquals(1, store.digests.size());
        Digest digest = store.digests.get(0);
        assertEquals(LINK.channel(), digest.channel());
        assertEquals(2, digest.lines().size());
        assertEquals(EventType.IMPROVED, digest.lines().get(0).event());
        assertEquals(2, summary.record().digestLines());
        assertEquals(0, summary.record().alertsOwed());
    }

    @Test
    void aSlackUploadNeedsTheOperatorRole() throws Exception {
        Actor stranger = new Actor(new SlackUserId("U0STRANGER"), LINK.channel());
        var command = new ImportCxReport.ImportCxReportCommand(ACCOUNT, "U0STRANGER", Optional.of(stranger),
                List.of(resource("offers-en.csv")), false);
        assertThrows(AccessDeniedException.class, () -> service.importReport(command));
        assertEquals(List.of(), store.written);
    }

    @Test
    void aRelistThatWinsTheRaceIsKeptAndTheReportStillApplied() throws Exception {
        run(false, resource("offers-en.csv"));
        OfferId kettle = new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));
        store.interfere(kettle, stored -> stored.relist(TestData.ANNA, "relisted while the import ran", NOW).after());
        ReportFile later = ReportFile.ofBytes("later.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,last_offer_closed_date,last_updated\n"
                + "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,12.5%,2026-11-20,2026-11-26\n").getBytes(StandardCharsets.UTF_8));

        var summary = run(false, later);

        assertTrue(summary.applied());
        assertEquals(1, store.conflicts, "the import's first write lost to the relist");
        Offer stored = store.get(kettle);
        assertEquals(OfferStatus.RELIST_PENDING, stored.status(), "the relist is kept (the snapshot is from the relist's day)");
        assertEquals("relisted while the import ran", stored.history().get(stored.history().size() - 1).note());
        assertEquals(1250, stored.ncxRate().basisPoints(), "and the report's figures applied on top of it");
    }

    @Test
    void anOfferThatKeepsLosingTheRaceIsReportedNotLoopedOn() throws Exception {
        run(false, resource("offers-en.csv"));
        OfferId kettle = new OfferId(ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));
        store.interfereEveryTime(kettle, stored -> stored.snooze(TestData.BEN, NOW.plusSeconds(3600), "", NOW).after());
        ReportFile later = ReportFile.ofBytes("later.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,last_offer_closed_date\n"
                + "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,12.5%,2026-11-20\n").getBytes(StandardCharsets.UTF_8));

        assertThrows(ConcurrentUpdateException.class, () -> run(false, later));
        assertEquals(1 + ConflictRetry.ATTEMPTS, store.conflicts, "the bulk write, then the policy's attempts, then it gives up");
    }

    /** An import killed half-way: recorded as running from its start, found interrupted, its digest kept, and a re-run completes it. */
    @Test
    void anImportThatDiesIsRecordedAsInterruptedKeepsItsDigestAndARerunCompletesIt() {
        StringBuilder first = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health\n");
        StringBuilder better = new StringBuilder("marketplace,asin,sku,fulfillment_channel,cx_health\n");
        for (int i = 0; i < 2500; i++) {
            first.append(String.format("DE,B07XJ8C8F5,SKU-%04d,FBA,Fair%n", i));
            better.append(String.format("DE,B07XJ8C8F5,SKU-%04d,FBA,Good%n", i));
        }
        run(false, ReportFile.ofBytes("first.csv", first.toString().getBytes(StandardCharsets.UTF_8)));
        store.digests.clear();
        ReportFile report = ReportFile.ofBytes("better.csv", better.toString().getBytes(StandardCharsets.UTF_8));
        store.dieAfterBulkWrites(1);
        now = NOW.plusSeconds(3600);

        assertThrows(IllegalStateException.class, () -> run(false, report));
        int batch = UnchangedRowScreen.APPLY_BATCH; // every row changed, and few enough for the screen to keep

        ImportRecord running = store.imports.get(store.imports.size() - 1);
        assertEquals(ImportRecord.State.RUNNING, running.state(), "visible from its start");
        assertEquals(batch, running.changesWritten(), "with what its first batch wrote");
        assertEquals(Notification.State.HELD, store.digests.get(0).state(), "the digest of what it wrote is kept, not yet sent");
        assertEquals(batch, store.digests.get(0).lines().size() + store.digests.get(0).more(), "a line for each offer written");

        now = now.plus(ImportRecovery.SILENT).plusSeconds(1);
        assertEquals(1, new ImportRecovery(store, store, store, () -> now, () -> owedSignals++).recoverInterrupted());
        assertEquals(ImportRecord.State.INTERRUPTED, store.imports.get(store.imports.size() - 1).state());
        assertEquals(Notification.State.PENDING, store.digests.get(0).state(), "released: the channel hears of the changes written");
        assertTrue(store.audit.stream().anyMatch(e -> e.action().equals("import-interrupted") && e.detail().equals("written=" + batch)));

        store.dieAfterBulkWrites(Integer.MAX_VALUE);
        var rerun = run(false, report);
        assertEquals(2500 - batch, rerun.record().offersChanged(), "the re-run writes what is missing");
        assertEquals(batch, rerun.record().offersUnchanged());
        assertEquals(List.of(running.id()), rerun.interruptedEarlier().stream().map(ImportRecord::id).toList(), "and says what it completes");
        assertEquals(ImportRecord.State.FINISHED, rerun.record().state());
        assertEquals(0, new ImportRecovery(store, store, store, () -> now.plusSeconds(3600), () -> { }).recoverInterrupted(),
                "a finished import is never taken for dead");
    }
}
