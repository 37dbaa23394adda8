package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import dev.cxsentinel.adapters.slack.CommandRouter;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.port.in.LinkChannel;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.bootstrap.modules.DeferredDeliveryModule;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seller Central's own files, imported through the command line as a user runs it ({@code import --account …
 * --marketplace DE FILE}) into the embedded store, and checked row by row against {@code expected.tsv}. The files
 * in {@code src/test/resources/sellercentral} are built by {@code make-files.py} (openpyxl writes the workbook) in
 * the shapes Seller Central gives them: the Voice of the Customer download in English and German, as CSV UTF-8,
 * CSV with BOM, TSV, German Excel's "CSV (Trennzeichen-getrennt)" (Windows-1252, ';'), "Unicode text" (UTF-16,
 * tabs) and .xlsx; and the FBA customer returns report.
 */
class SellerCentralImportTest {
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) { }

    record Expected(String sku, String asin, FulfilmentChannel channel, CxHealth health, double percent, int ncxOrders,
                    int totalOrders, boolean closed, LocalDate closedDate, CommentCategory reason, Integer share, LocalDate updated) { }

    Map<String, String> env() {
        return Map.of("CX_DATA_DIR", dir.resolve("data").toString(), "CX_ADMINS", "U0ADMIN", "CX_LOG_LEVEL", "WARN");
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new Environment(env(), new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/sellercentral/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    void withStore(Consumer<Injector> work) {
        Config config = Config.from(env());
        try (StoreConnection store = StoreConnection.open(config, true)) {
            work.accept(Wiring.injector(config, config.admins(), store, new DeferredDeliveryModule()));
        }
    }

    static List<Expected> expected() throws IOException {
        List<Expected> rows = new ArrayList<>();
        try (InputStream in = SellerCentralImportTest.class.getResourceAsStream("/sellercentral/expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Expected(f[0], f[1], FulfilmentChannel.valueOf(f[2]), CxHealth.valueOf(f[3]), Double.parseDouble(f[4]),
                        Integer.parseInt(f[5]), Integer.parseInt(f[6]), Boolean.parseBoolean(f[7].toLowerCase()),
                        f[8].isEmpty() ? null : LocalDate.parse(f[8]), f[9].isEmpty() ? null : CommentCategory.valueOf(f[9]),
                        f[10].isEmpty() ? null : Integer.valueOf(f[10]), LocalDate.parse(f[11])));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "voc-en.csv, UTF-8",
            "voc-en-utf8-bom.csv, UTF-8",
            "voc-en.tsv, UTF-8",
            "voc-de-excel.csv, Windows-1252",
            "voc-de-unicode.txt, UTF-16",
            "voc-de.xlsx, Excel workbook"})
    void aVoiceOfTheCustomerDownloadImportsAsItComes(String file, String encoding) throws Exception {
        Run run = cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", resource(file).toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("rows: 24, new offers: 24"), run.out());
        assertTrue(run.out().contains(encoding), "the summary says how the file was read: " + run.out());
        List<Expected> expected = expected();
        withStore(injector -> {
            LoadOffer offers = injector.getInstance(LoadOffer.class);
            for (Expected e : expected) {
                Offer o = offers.load(new OfferId(ACCOUNT, Marketplace.DE, new Sku(e.sku()))).orElseThrow(() -> new AssertionError(e.sku()));
                String what = file + " " + e.sku();
                assertEquals(e.asin(), o.asin().value(), what);
                assertEquals(e.channel(), o.channel(), what);
                assertEquals(e.health(), o.health(), what);
                assertEquals(e.ncxOrders(), o.ncxOrders(), what);
                assertEquals(e.totalOrders(), o.totalOrders(), what);
                assertEquals(NcxRate.ofPercent(e.percent()).basisPoints(), o.ncxRate().basisPoints(), 1, what);
                assertEquals(e.closed() ? OfferStatus.CLOSED : OfferStatus.ACTIVE, o.status(), what);
                assertEquals(e.closedDate(), o.closedDate(), what);
                assertEquals(e.updated(), o.observed().asOf(), what);
                if (e.reason() == null) {
                    assertNull(o.topReason(), what);
                } else {
                    assertEquals(e.reason(), o.topReason().category(), what + " " + o.topReason());
                    assertEquals(e.share(), o.topReason().sharePercent(), what);
                }
            }
        });
    }

    @Test
    void theReturnsReportBecomesCommentsAndSkipsOffersItDoesNotKnow() throws Exception {
        Run run = cli("import", "--account", ACCOUNT.value(), "--marketplace", "amazon.de", resource("voc-en.csv").toString(),
                resource("returns-de.txt").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("4 returns are for offers CX Sentinel does not know yet"), run.out());
        Map<String, List<String[]>> expected = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/sellercentral/expected-returns.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
                }
            }
        }
        withStore(injector -> {
            LoadOffer offers = injector.getInstance(LoadOffer.class);
            expected.forEach((sku, returns) -> {
                Offer o = offers.load(new OfferId(ACCOUNT, Marketplace.DE, new Sku(sku))).orElseThrow();
                for (String[] r : returns) {
                    LocalDate date = LocalDate.parse(r[1]);
                    CommentCategory category = CommentCategory.valueOf(r[2]);
                    assertTrue(o.comments().stream().anyMatch(c -> c.date().equals(date) && c.category() == category
                                    && (r[3].isEmpty() || c.text().equals(r[3]))),
                            sku + " has the return of " + date + " as " + category + ": " + o.comments());
                }
            });
            Actor admin = new Actor(new SlackUserId("U0ADMIN"), new ChannelId("C0TEAM"));
            injector.getInstance(LinkChannel.class).link(new LinkChannel.LinkChannelCommand(admin, ACCOUNT, Language.DE, Marketplace.DE));
            String status = injector.getInstance(CommandRouter.class).handle(admin, "status SC-000-XL").text();
            Offer o = offers.load(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SC-000-XL"))).orElseThrow();
            for (CustomerComment c : o.comments()) {
                assertTrue(status.contains(dev.cxsentinel.adapters.slack.Messages.label(c.category(), Language.DE)), "status shows each comment's category: " + status);
            }
        });
    }

    @Test
    void anOlderSnapshotNeverRollsAnOfferBack() throws Exception {
        Path file = dir.resolve("voc.csv");
        Files.writeString(file, "ASIN,SKU,Fulfilled by,CX Health,NCX rate,NCX orders,Total orders,Last updated\n"
                + "B08N5WRWNW,KETTLE,Amazon,Very poor,9.84%,12,122,11/22/2026\n");
        assertEquals(0, cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", file.toString()).exit());
        Files.writeString(file, "ASIN,SKU,Fulfilled by,CX Health,NCX rate,NCX orders,Total orders,Last updated\n"
                + "B08N5WRWNW,KETTLE,Amazon,Good,0.82%,1,122,11/20/2026\n");
        Run older = cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", file.toString());
        assertEquals(0, older.exit(), older.err());
        assertTrue(older.out().contains("1 rows came from a snapshot older than what is stored"), older.out());
        withStore(injector -> assertEquals(CxHealth.VERY_POOR, injector.getInstance(LoadOffer.class)
                .load(new OfferId(ACCOUNT, Marketplace.DE, new Sku("KETTLE"))).orElseThrow().health()));
        Files.writeString(file, "ASIN,SKU,Fulfilled by,CX Health,NCX rate,NCX orders,Total orders,Last updated\n"
                + "B08N5WRWNW,KETTLE,Amazon,Poor,6.08%,9,148,11/25/2026\n");
        assertEquals(0, cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", file.toString()).exit());
        withStore(injector -> {
            Actor admin = new Actor(new SlackUserId("U0ADMIN"), new ChannelId("C0TREND"));
            injector.getInstance(LinkChannel.class).link(new LinkChannel.LinkChannelCommand(admin, ACCOUNT, Language.EN));
            String status = injector.getInstance(CommandRouter.class).handle(admin, "status KETTLE").text();
            assertTrue(status.contains("NCX trend: 6.1 % (Nov 25) ← 9.8 % (Nov 22)"), "the stale snapshot is no point: " + status);
        });
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndWritesNothing() throws Exception {
        Run run = cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", "--dry-run", resource("voc-de-excel.csv").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Dry run") && run.out().contains("new offers: 24"), run.out());
        withStore(injector -> assertFalse(injector.getInstance(LoadOffer.class)
                .load(new OfferId(ACCOUNT, Marketplace.DE, new Sku("SC-000-XL"))).isPresent(), "nothing was written"));
    }

    @Test
    void aBadFileIsRefusedWithFileLineColumnValueAndTheCountOfProblems() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "ASIN,SKU,Fulfilled by,CX Health,NCX rate\nB08N5WRWNW,K1,Amazon,Sehr gut,4%\nB08N5WRWNW,K2,Amazon,Poor,0.5\n");
        Run run = cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", file.toString());
        assertEquals(2, run.exit());
        assertTrue(run.out().contains("2 problems"), "the summary counts the problems it lists: " + run.out());
        assertTrue(run.err().contains("bad.csv:2: column 'cx_health': found 'Sehr gut'"), run.err());
        assertTrue(run.err().contains("bad.csv:3: column 'ncx_rate': found '0.5'") && run.err().contains("0.5 % or 50 %"), run.err());
        Run noMarketplace = cli("import", "--account", ACCOUNT.value(), resource("voc-en.csv").toString());
        assertEquals(2, noMarketplace.exit());
        assertTrue(noMarketplace.err().contains("--marketplace DE"), noMarketplace.err());
    }

    /** The cases the advice used to get wrong (issue 13), through the import and /cx status in both languages. */
    @Test
    void hardCommentsGetTheRightCategoryAndTheRightAdviceInBothLanguages() throws Exception {
        Path voc = dir.resolve("voc.csv");
        Files.writeString(voc, "ASIN,SKU,Fulfilled by,CX Health,NCX rate,NCX orders,Total orders,Top NCX reason,Last offer closed date\n"
                + "B08N5WRWNW,PLATE,Amazon,Very poor,9.84%,12,122,,2026-11-20 Action required\n"
                + "B08N5WRWNW,SHIRT,Merchant,Poor,6.1%,9,148,,\n"
                + "B08N5WRWNW,DEFECT,Amazon,Very poor,9.84%,12,122,\"Item defective or doesn't work\n55%\",2026-11-20 Action required\n"
                + "B08N5WRWNW,EMPTY,Amazon,Very poor,9.84%,12,122,,2026-11-20 Action required\n"
                + "B08N5WRWNW,LATE,Merchant,Very poor,9.84%,12,122,,2026-11-20 Action required\n");
        Path comments = dir.resolve("comments.csv");
        Files.writeString(comments, "asin,sku,date,comment\n"
                + "B08N5WRWNW,PLATE,2026-11-18,The hot plate stays cold.\n"
                + "B08N5WRWNW,PLATE,2026-11-19,Gerät lässt sich nicht einschalten.\n"
                + "B08N5WRWNW,PLATE,2026-11-17,Glass was shattered\n"
                + "B08N5WRWNW,SHIRT,2026-11-18,Falsche Größenangabe in der Beschreibung\n"
                + "B08N5WRWNW,SHIRT,2026-11-19,\"Not damaged, but too small.\"\n"
                + "B08N5WRWNW,LATE,2026-11-19,Parcel arrived three days late\n");
        Run run = cli("import", "--account", ACCOUNT.value(), "--marketplace", "DE", voc.toString(), comments.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        withStore(injector -> {
            Actor admin = new Actor(new SlackUserId("U0ADMIN"), new ChannelId("C0ENGLISH"));
            Actor adminDe = new Actor(new SlackUserId("U0ADMIN"), new ChannelId("C0GERMAN"));
            injector.getInstance(LinkChannel.class).link(new LinkChannel.LinkChannelCommand(admin, ACCOUNT, Language.EN));
            injector.getInstance(LinkChannel.class).link(new LinkChannel.LinkChannelCommand(adminDe, ACCOUNT, Language.DE));
            CommandRouter router = injector.getInstance(CommandRouter.class);

            String plate = router.handle(admin, "status PLATE").text();
            assertTrue(plate.contains("The hot plate stays cold.") && plate.contains("· _defective_ ·"), plate);
            assertTrue(plate.contains("_damaged_"), plate);
            assertTrue(plate.contains("Removal order") && plate.contains("Disposal order"), plate);
            assertFalse(plate.contains("Dispute"), "a cold hot plate is no delivery problem: " + plate);
            String plateDe = router.handle(adminDe, "status PLATE").text();
            assertTrue(plateDe.contains("· _defekt_ ·") && plateDe.contains("Remissionsauftrag"), plateDe);
            assertFalse(plateDe.contains("Widerspruch"), plateDe);

            String shirt = router.handle(admin, "status SHIRT").text();
            assertTrue(shirt.contains("Update the detail page"), shirt);
            assertFalse(shirt.contains("wrong item"), "\"falsche\" in a size statement is not a wrong item: " + shirt);
            assertTrue(shirt.contains("_size/fit_"), shirt);

            String defect = router.handle(admin, "status DEFECT").text();
            assertTrue(defect.contains("Removal order") && defect.contains("(55 %)"), "the top NCX reason counts: " + defect);
            assertFalse(defect.contains("no fundamental problem"), defect);

            String empty = router.handle(admin, "status EMPTY").text();
            assertTrue(empty.contains("No comments yet"), empty);
            assertFalse(empty.contains("no fundamental problem"), empty);
            assertTrue(router.handle(adminDe, "status EMPTY").text().contains("Noch keine Kommentare"));

            String late = router.handle(admin, "status LATE").text();
            assertTrue(late.contains("Dispute: delivery problems"), late);
        });
    }
}
