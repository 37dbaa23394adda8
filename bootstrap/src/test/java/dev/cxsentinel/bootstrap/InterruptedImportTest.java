package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.adapters.mongo.EmbeddedStore;
import dev.cxsentinel.adapters.mongo.MongoAuditRepository;
import dev.cxsentinel.adapters.mongo.MongoDigestOutbox;
import dev.cxsentinel.adapters.mongo.MongoStore;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.Sku;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line after an import died (kill -9): the store it left holds a record "running" and the digest of what
 * it wrote, held. The next import through the CLI, which holds the embedded store alone, records the dead one as
 * interrupted, releases its digest, and says so.
 */
class InterruptedImportTest {
    @TempDir
    Path dir;

    @Test
    void theNextImportRecordsTheDeadOneAsInterruptedAndSaysSo() throws Exception {
        Path data = dir.resolve("data");
        Instant started = Instant.parse("2026-11-26T10:00:00Z");
        try (EmbeddedStore embedded = EmbeddedStore.open(data);
             MongoStore mongo = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            new MongoAuditRepository(mongo).save(new ImportRecord("imp-dead", TestApp.ACCOUNT, "cli:anna", started, started.plusSeconds(4),
                    List.of("big.csv"), 3000, 1000, 0, 0, 0, 0, 1, 0, true, ImportRecord.State.RUNNING));
            OfferId kettle = new OfferId(TestApp.ACCOUNT, Marketplace.DE, new Sku("HB-KETTLE-02"));
            new MongoDigestOutbox(mongo).saveDigest(new Digest("imp-dead:C0ALERTS", TestApp.ACCOUNT, new ChannelId("C0ALERTS"), Language.EN,
                    "imp-dead", List.of(new DigestLine(kettle, new Asin("B08N5WRWNW"), "Kettle", EventType.IMPROVED, CxHealth.FAIR, CxHealth.GOOD)),
                    0, started, started, Notification.State.HELD, 0, null, List.of()));
        }
        Path report = dir.resolve("offers.csv");
        Files.writeString(report, "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B08N5WRWNW,HB-KETTLE-02,FBA,Good\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = Main.run(new String[] {"import", "--account", TestApp.ACCOUNT.value(), report.toString()},
                new Environment(Map.of("CX_DATA_DIR", data.toString()), new BufferedReader(new StringReader("")), print, print));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("An earlier import of big.csv") && printed.contains("was interrupted after writing 1000 offers"), printed);

        try (EmbeddedStore embedded = EmbeddedStore.open(data);
             MongoStore mongo = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            List<ImportRecord> imports = new MongoAuditRepository(mongo).recentImports(TestApp.ACCOUNT, 5);
            assertEquals(List.of(ImportRecord.State.FINISHED, ImportRecord.State.INTERRUPTED), imports.stream().map(ImportRecord::state).toList());
            assertEquals(1L, new MongoDigestOutbox(mongo).countByState().get(Notification.State.PENDING),
                    "the dead import's digest is released for delivery");
        }
    }
}
