package dev.cxsentinel.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class ImportServiceTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final ChannelLink LINK = new ChannelLink(new ChannelId("C0CXALERTS"), ACCOUNT, Language.EN, new SlackUserId("U0ADMIN"), NOW);

    @Mock ChannelLinks links;
    @Mock OperatorRoles roles;
    @Mock LoadOffer loadOffer;
    @Mock SaveOffer saveOffer;
    @Mock DigestOutbox outbox;
    @Mock ImportRecords records;
    @Mock AuditLog audit;
    @Mock Clock clock;
    @Mock DispatchSignal signal;

    final Map<OfferId, Offer> store = new HashMap<>();
    final List<OfferChange> written = new ArrayList<>();
    ImportService service;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(clock.now()).thenReturn(NOW);
        when(links.findByAccount(ACCOUNT)).thenReturn(List.of(LINK));
        when(loadOffer.loadAll(any())).thenAnswer(inv -> {
            Map<OfferId, Offer> found = new HashMap<>();
            for (OfferId id : (Collection<OfferId>) inv.getArgument(0)) {
                if (store.containsKey(id)) {
                    found.put(id, store.get(id));
                }
            }
            return found;
        });
        when(loadOffer.load(any())).thenAnswer(inv -> Optional.ofNullable(store.get(inv.getArgument(0))));
        when(saveOffer.saveAll(anyList())).thenAnswer(inv -> {
            for (OfferChange c : (List<OfferChange>) inv.getArgument(0)) {
                written.add(c);
                store.put(c.offer().id(), c.offer().withVersion(c.offer().version() + 1));
            }
            return Set.of();
        });
        service = new ImportService(new AccessService(links, roles, new Admins(Set.of())), loadOffer, saveOffer, links,
                outbox, records, audit, clock, signal, new dev.cxsentinel.application.metrics.Metrics());
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
        OfferChange kettle = written.stream().filter(c -> c.offer().id().sku().value().equals("HB-KETTLE-02")).findFirst().orElseThrow();
        assertEquals(OfferStatus.CLOSED, kettle.offer().status());
        assertEquals(2, kettle.offer().comments().size());
        assertEquals(1, kettle.owed().size());
        Notification alert = kettle.owed().get(0);
        assertEquals(Notification.Kind.ALERT, alert.kind());
        assertEquals(EventType.CLOSED, alert.event());
        assertEquals(LINK.channel(), alert.channel());
        // the POOR phone case alerts too; the GOOD offers owe nothing
        assertEquals(2, summary.record().alertsOwed());
        verify(records).save(summary.record());
        verify(signal).notificationsOwed();
    }

    @Test
    void anUnchangedReimportWritesNothingAndAlertsNobody() throws Exception {
        run(false, resource("offers-en.csv"), resource("comments-en.csv"));
        written.clear();
        org.mockito.Mockito.clearInvocations(signal, outbox);

        var again = run(false, resource("offers-en.csv"), resource("comments-en.csv"));

        assertEquals(List.of(), written);
        assertEquals(6, again.record().offersUnchanged());
        assertEquals(0, again.record().alertsOwed());
        verify(signal, never()).notificationsOwed();
        verify(outbox, never()).saveDigest(any());
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
        verify(saveOffer, never()).saveAll(anyList());
        verify(records, never()).save(any());
    }

    @Test
    void skipInvalidImportsTheValidRowsAndStillReportsTheRest() {
        ReportFile bad = ReportFile.ofBytes("bad.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B07XJ8C8F5,OK-1,FBA,Good\nDE,B07XJ8C8F5,BAD-1,FBA,Superb\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(true, bad);
        assertTrue(summary.applied());
        assertEquals(1, summary.record().offersNew());
        assertEquals(1, summary.errorCount());
        assertEquals(1, written.size());
    }

    @Test
    void aRepeatedOfferIsAnError() {
        ReportFile dup = ReportFile.ofBytes("dup.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B07XJ8C8F5,SKU-1,FBA,Good\nFR,B07XJ8C8F5,SKU-1,FBA,Good\namazon.de,B07XJ8C8F5,SKU-1,FBA,Poor\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, dup);
        assertFalse(summary.applied());
        assertEquals(1, summary.errorCount());
        assertEquals(4, summary.errors().get(0).line());
        assertTrue(summary.errors().get(0).expected().contains("already on line 2"), summary.errors().get(0).expected());
    }

    @Test
    void commentsForUnknownOffersAreErrors() {
        ReportFile comments = ReportFile.ofBytes("c.csv", ("marketplace,asin,sku,date,comment\n"
                + "DE,B07XJ8C8F5,NOPE,2026-11-01,broken\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, comments);
        assertFalse(summary.applied());
        assertTrue(summary.errors().get(0).expected().contains("a known offer"), summary.errors().get(0).toString());
    }

    @Test
    void improvementsGoToOneDigestPerChannel() throws Exception {
        run(false, resource("offers-en.csv"));
        ReportFile better = ReportFile.ofBytes("better.csv", ("marketplace,asin,sku,fulfillment_channel,cx_health\n"
                + "DE,B09G9FPHY6,CASE-IP14-BLK,FBM,Fair\nDE,B0C1XYZ123,TSHIRT-M-RED,FBA,Good\n").getBytes(StandardCharsets.UTF_8));
        var summary = run(false, better);
        ArgumentCaptor<Digest> digest = ArgumentCaptor.forClass(Digest.class);
        verify(outbox).saveDigest(digest.capture());
        assertEquals(2, digest.getValue().lines().size());
        assertEquals(EventType.IMPROVED, digest.getValue().lines().get(0).event());
        assertEquals(2, summary.record().digestLines());
        assertEquals(0, summary.record().alertsOwed());
    }

    @Test
    void aSlackUploadNeedsTheOperatorRole() throws Exception {
        Actor stranger = new Actor(new SlackUserId("U0STRANGER"), LINK.channel());
        var command = new ImportCxReport.ImportCxReportCommand(ACCOUNT, "U0STRANGER", Optional.of(stranger),
                List.of(resource("offers-en.csv")), false);
        assertThrows(AccessDeniedException.class, () -> service.importReport(command));
        verify(saveOffer, never()).saveAll(anyList());
    }
}
