package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Import one snapshot of one seller account from report files (an offer report and/or comment files). A file
 * with an invalid row is rejected whole and nothing is written, unless {@code skipInvalid}.
 */
public interface ImportCxReport {
    int MAX_ERRORS_KEPT = 1000;

    /** {@code actor} is the Slack user for an upload (checked for the operator role); empty for the command line. */
    /**
     * {@code defaultMarketplace} is the marketplace of files without that column (a Voice of the Customer download,
     * a returns report); {@code dryRun} reads and validates everything and writes nothing.
     */
    record ImportCxReportCommand(SellerAccountId account, String importedBy, Optional<Actor> actor,
                                 List<ReportFile> files, boolean skipInvalid, Optional<Marketplace> defaultMarketplace,
                                 boolean dryRun) {
        public ImportCxReportCommand {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(importedBy, "importedBy");
            actor = actor == null ? Optional.empty() : actor;
            defaultMarketplace = defaultMarketplace == null ? Optional.empty() : defaultMarketplace;
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new InvalidValueException("files", "", "at-least-one-file");
            }
        }

        public ImportCxReportCommand(SellerAccountId account, String importedBy, Optional<Actor> actor, List<ReportFile> files,
                                     boolean skipInvalid) {
            this(account, importedBy, actor, files, skipInvalid, Optional.empty(), false);
        }
    }

    /**
     * What the import did; {@code errors} holds the first {@link #MAX_ERRORS_KEPT} of {@code errorCount}.
     * {@code encodings} says how each text file was decoded; {@code staleRows} counts rows older than what was
     * stored (ignored), {@code returnsSkipped} returns for offers not known yet.
     */
    /** {@code interruptedEarlier}: imports of the account that died since its last finished one (a re-run completes them). */
    record ImportSummary(ImportRecord record, List<RowError> errors, long errorCount, Map<String, String> encodings,
                         long staleRows, long returnsSkipped, boolean dryRun, List<ImportRecord> interruptedEarlier) {
        public ImportSummary {
            errors = List.copyOf(errors);
            encodings = Collections.unmodifiableMap(new LinkedHashMap<>(encodings));
            interruptedEarlier = List.copyOf(interruptedEarlier);
        }

        public ImportSummary(ImportRecord record, List<RowError> errors, long errorCount) {
            this(record, errors, errorCount, Map.of(), 0, 0, false, List.of());
        }

        public ImportSummary withoutErrorList() {
            return new ImportSummary(record, List.of(), errorCount, encodings, staleRows, returnsSkipped, dryRun, interruptedEarlier);
        }

        public boolean applied() {
            return record.applied();
        }
    }

    ImportSummary importReport(ImportCxReportCommand command);
}
