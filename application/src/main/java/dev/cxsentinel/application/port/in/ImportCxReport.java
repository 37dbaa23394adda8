package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Import one snapshot of one seller account from report files (an offer report and/or comment files). A file
 * with an invalid row is rejected whole and nothing is written, unless {@code skipInvalid}.
 */
public interface ImportCxReport {
    int MAX_ERRORS_KEPT = 1000;

    /** {@code actor} is the Slack user for an upload (checked for the operator role); empty for the command line. */
    record ImportCxReportCommand(SellerAccountId account, String importedBy, Optional<Actor> actor,
                                 List<ReportFile> files, boolean skipInvalid) {
        public ImportCxReportCommand {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(importedBy, "importedBy");
            actor = actor == null ? Optional.empty() : actor;
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new InvalidValueException("files", "none", "at least one report file");
            }
        }
    }

    /** What the import did; {@code errors} holds the first {@link #MAX_ERRORS_KEPT} of {@code errorCount}. */
    record ImportSummary(ImportRecord record, List<RowError> errors, long errorCount) {
        public ImportSummary {
            errors = List.copyOf(errors);
        }

        public boolean applied() {
            return record.applied();
        }
    }

    ImportSummary importReport(ImportCxReportCommand command);
}
