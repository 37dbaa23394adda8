package dev.cxsentinel.application.service;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.report.ReportReader;
import dev.cxsentinel.application.report.SpreadsheetReader;
import dev.cxsentinel.domain.Marketplace;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a snapshot in two passes: {@link ImportValidation} checks every row and writes nothing;
 * {@link ImportApplication} applies the valid rows in batches, writing only real changes with the notifications
 * they owe, and does not even read an offer whose row matches its {@link ImportFingerprints fingerprint} (the
 * daily re-import of a mostly unchanged catalogue, whose files are then read only once: {@link UnchangedRowScreen}); {@link DigestCollector} gathers the digest lines; {@link ImportTally} counts. Then the import is
 * recorded and audited, and the dispatcher is woken. Offer rows are streamed, so memory does not grow with the
 * offer report; comments are grouped per offer in memory (far fewer rows than offers).
 */
@Singleton
public class ImportService implements ImportCxReport {
    static final int BATCH = 1000;

    private final AccessService access;
    private final LoadOffer loadOffer;
    private final SaveOffer saveOffer;
    private final ImportFingerprints fingerprints;
    private final ChannelLinks links;
    private final DigestOutbox outbox;
    private final ImportRecords importRecords;
    private final AuditLog audit;
    private final Clock clock;
    private final DispatchSignal signal;
    private final Metrics metrics;
    private final ReportReader reader;
    private final ImportRecovery recovery;

    public ImportService(AccessService access, LoadOffer loadOffer, SaveOffer saveOffer, ImportFingerprints fingerprints,
                         ChannelLinks links, DigestOutbox outbox, ImportRecords importRecords, AuditLog audit, Clock clock,
                         DispatchSignal signal, Metrics metrics) {
        this(access, loadOffer, saveOffer, fingerprints, links, outbox, importRecords, audit, clock, signal, metrics,
                SpreadsheetReader.NONE);
    }

    @Inject
    public ImportService(AccessService access, LoadOffer loadOffer, SaveOffer saveOffer, ImportFingerprints fingerprints,
                         ChannelLinks links, DigestOutbox outbox, ImportRecords importRecords, AuditLog audit, Clock clock,
                         DispatchSignal signal, Metrics metrics, SpreadsheetReader spreadsheets) {
        this.fingerprints = fingerprints;
        this.reader = new ReportReader(spreadsheets);
        this.recovery = new ImportRecovery(importRecords, outbox, audit, clock, signal);
        this.access = access;
        this.loadOffer = loadOffer;
        this.saveOffer = saveOffer;
        this.links = links;
        this.outbox = outbox;
        this.importRecords = importRecords;
        this.audit = audit;
        this.clock = clock;
        this.signal = signal;
        this.metrics = metrics;
    }

    @Override
    public ImportSummary importReport(ImportCxReportCommand command) {
        command.actor().ifPresent(actor -> access.requireOperator(actor, command.account()));
        Instant startedAt = clock.now();
        Marketplace marketplace = command.defaultMarketplace().orElse(null);
        ImportTally tally = new ImportTally();
        ImportValidation validation;
        try (UnchangedRowScreen screen = new UnchangedRowScreen(fingerprints, command.account())) {
            validation = new ImportValidation(reader, loadOffer, command.account(), marketplace, tally, screen);
            validation.run(command.files());
        }
        if (tally.errorCount > 0 && !command.skipInvalid()) {
            ImportSummary rejected = tally.summary(command, startedAt, clock.now(), false);
            metrics.imported(rejected.record().rowsRead(), false);
            return rejected;
        }
        DigestCollector digests = new DigestCollector(links.findByAccount(command.account()));
        if (!command.dryRun()) {
            tally.interruptedEarlier = recovery.interruptedSinceLastFinished(command.account());
            importRecords.save(tally.summary(command, startedAt, clock.now(), true, ImportRecord.State.RUNNING).record());
        }
        Runnable progress = command.dryRun() ? () -> { } : () -> {
            digests.write(outbox, tally.importId, command.account(), clock.now(), Notification.State.HELD);
            importRecords.save(tally.summary(command, startedAt, clock.now(), true, ImportRecord.State.RUNNING).record());
        };
        new ImportApplication(reader, loadOffer, saveOffer, fingerprints, clock, command.account(), marketplace, command.dryRun(), validation,
                tally, digests, progress).run();
        ImportSummary summary = tally.summary(command, startedAt, clock.now(), true);
        if (command.dryRun()) {
            return summary;
        }
        digests.write(outbox, tally.importId, command.account(), clock.now(), Notification.State.PENDING);
        importRecords.save(summary.record());
        metrics.imported(summary.record().rowsRead(), true);
        audit.append(new AuditEntry(summary.record().finishedAt(), command.importedBy(), command.account(), "import",
                String.join(", ", summary.record().files()), "rows=" + summary.record().rowsRead()
                + " new=" + summary.record().offersNew() + " changed=" + summary.record().offersChanged()
                + " rejected=" + summary.record().rowsRejected()));
        if (summary.record().alertsOwed() > 0 || summary.record().digestLines() > 0) {
            signal.notificationsOwed();
        }
        return summary;
    }

    /** {@code ids} in batches of {@link #BATCH}, so one store round trip reads many offers. */
    static <T> List<List<T>> batches(List<T> ids) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return batches;
    }
}
