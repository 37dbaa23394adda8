package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.port.in.RecoverInterruptedImports;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * An import records its progress after every batch; one that has been silent for {@link #SILENT} died (killed, out
 * of memory, the machine stopped). It is recorded as interrupted with the changes it had written, audited, and the
 * digest lines of those changes, held while it ran, are released to the channels. Re-running the import writes
 * what is missing: unchanged offers are not written again.
 */
@Singleton
public class ImportRecovery implements RecoverInterruptedImports {
    private static final Logger LOG = Logger.getLogger(ImportRecovery.class.getName());
    /** Far longer than any batch takes, so a slow but living import is not taken for dead. */
    static final Duration SILENT = Duration.ofMinutes(5);

    private final ImportRecords records;
    private final DigestOutbox digests;
    private final AuditLog audit;
    private final Clock clock;
    private final DispatchSignal signal;

    @Inject
    public ImportRecovery(ImportRecords records, DigestOutbox digests, AuditLog audit, Clock clock, DispatchSignal signal) {
        this.records = records;
        this.digests = digests;
        this.audit = audit;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public int recoverInterrupted() {
        return recover(clock.now().minus(SILENT));
    }

    @Override
    public int recoverAllRunning() {
        return recover(clock.now().plus(Duration.ofDays(1)));
    }

    private int recover(Instant lastBatchBefore) {
        Instant now = clock.now();
        int found = 0;
        for (ImportRecord running : records.runningSince(lastBatchBefore)) {
            ImportRecord interrupted = running.interrupted();
            records.save(interrupted);
            digests.releaseHeld(interrupted.id(), now);
            audit.append(new AuditEntry(now, interrupted.importedBy(), interrupted.account(), "import-interrupted",
                    String.join(", ", interrupted.files()), "written=" + interrupted.changesWritten()));
            LOG.warning(() -> "import " + interrupted.id() + " of " + interrupted.account() + " (" + String.join(", ", interrupted.files())
                    + ") was interrupted after " + interrupted.changesWritten() + " changes; importing the files again completes it");
            found++;
        }
        if (found > 0) {
            signal.notificationsOwed();
        }
        return found;
    }

    /** The account's imports that died since its last finished one, newest first (found first, if any just died). */
    List<ImportRecord> interruptedSinceLastFinished(SellerAccountId account) {
        recoverInterrupted();
        List<ImportRecord> interrupted = new ArrayList<>();
        for (ImportRecord r : records.recentImports(account, 20)) {
            if (r.state() == ImportRecord.State.FINISHED) {
                break;
            }
            if (r.state() == ImportRecord.State.INTERRUPTED) {
                interrupted.add(r);
            }
        }
        return interrupted;
    }
}
