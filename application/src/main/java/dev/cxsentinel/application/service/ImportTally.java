package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What one import counted: rows, outcomes, problems (the first {@link ImportCxReport#MAX_ERRORS_KEPT} kept). */
final class ImportTally {
    final String importId = UUID.randomUUID().toString();
    private final List<RowError> errors = new ArrayList<>();
    List<ImportRecord> interruptedEarlier = List.of();
    private final Map<String, String> encodings = new LinkedHashMap<>();
    long errorCount;
    long rowsRead;
    long rejectedRows;
    long offersNew;
    long offersChanged;
    long offersUnchanged;
    long commentsAdded;
    long alertsOwed;
    long digestLines;
    long staleRows;
    long returnsSkipped;

    void error(RowError error) {
        errorCount++;
        if (errors.size() < ImportCxReport.MAX_ERRORS_KEPT) {
            errors.add(error);
        }
    }

    void read(String file, long rows, String encoding) {
        rowsRead += rows;
        encodings.put(file, encoding);
    }

    ImportCxReport.ImportSummary summary(ImportCxReport.ImportCxReportCommand command, Instant startedAt, Instant finishedAt, boolean applied) {
        return summary(command, startedAt, finishedAt, applied, ImportRecord.State.FINISHED);
    }

    ImportCxReport.ImportSummary summary(ImportCxReport.ImportCxReportCommand command, Instant startedAt, Instant finishedAt, boolean applied,
                                         ImportRecord.State state) {
        ImportRecord record = new ImportRecord(importId, command.account(), command.importedBy(), startedAt,
                finishedAt, command.files().stream().map(ReportFile::name).toList(), rowsRead,
                applied ? offersNew : 0, applied ? offersChanged : 0, applied ? offersUnchanged : 0, applied ? commentsAdded : 0,
                applied ? alertsOwed : 0, applied ? digestLines : 0, rejectedRows, applied, state);
        return new ImportCxReport.ImportSummary(record, errors, errorCount, encodings, staleRows, returnsSkipped, command.dryRun(),
                interruptedEarlier);
    }
}
