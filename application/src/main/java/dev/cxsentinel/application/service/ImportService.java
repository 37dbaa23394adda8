package dev.cxsentinel.application.service;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.ReportFormatException;
import dev.cxsentinel.application.report.ReportReader;
import dev.cxsentinel.application.report.ReportRow;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.application.report.SpreadsheetReader;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a snapshot in two passes over the files. The first validates every row (and finds repeated offers and
 * comments for unknown offers) without writing anything; the second applies the valid rows in batches: load the
 * stored offers of the batch by id, apply each row, and write only real changes, each together with the
 * notifications it owes. Offer rows are streamed, so memory does not grow with the offer report; comments are
 * grouped per offer in memory (a comment file has one row per negative experience, far fewer than offers).
 */
@Singleton
public class ImportService implements ImportCxReport {
    static final int BATCH = 1000;
    private static final long FILE_SHIFT = 40;

    private final AccessService access;
    private final LoadOffer loadOffer;
    private final SaveOffer saveOffer;
    private final ChannelLinks links;
    private final NotificationOutbox outbox;
    private final ImportRecords importRecords;
    private final AuditLog audit;
    private final Clock clock;
    private final DispatchSignal signal;
    private final Metrics metrics;
    private final ReportReader reader;

    public ImportService(AccessService access, LoadOffer loadOffer, SaveOffer saveOffer, ChannelLinks links,
                         NotificationOutbox outbox, ImportRecords importRecords, AuditLog audit, Clock clock,
                         DispatchSignal signal, Metrics metrics) {
        this(access, loadOffer, saveOffer, links, outbox, importRecords, audit, clock, signal, metrics, SpreadsheetReader.NONE);
    }

    @Inject
    public ImportService(AccessService access, LoadOffer loadOffer, SaveOffer saveOffer, ChannelLinks links,
                         NotificationOutbox outbox, ImportRecords importRecords, AuditLog audit, Clock clock,
                         DispatchSignal signal, Metrics metrics, SpreadsheetReader spreadsheets) {
        this.reader = new ReportReader(spreadsheets);
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
        Run run = new Run(command, clock.now());
        run.validate();
        if (run.errorCount > 0 && !command.skipInvalid()) {
            ImportSummary rejected = run.summary(false);
            metrics.imported(rejected.record().rowsRead(), false);
            return rejected;
        }
        run.apply();
        ImportSummary summary = run.summary(true);
        if (command.dryRun()) {
            return summary;
        }
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

    /** The state of one import. */
    private final class Run {
        private final ImportCxReportCommand command;
        private final SellerAccountId account;
        private final Instant startedAt;
        private final List<RowError> errors = new ArrayList<>();
        private long errorCount;
        private final List<ReportFile> offerFiles = new ArrayList<>();
        private final List<ReportFile> commentFiles = new ArrayList<>();
        private final Map<String, Integer> fileIndex = new HashMap<>();
        private final java.util.Set<Long> invalidLines = new java.util.HashSet<>();
        private final List<ReportFile> returnFiles = new ArrayList<>();
        private final Map<OfferId, List<ReportRow>> comments = new LinkedHashMap<>();
        private final Map<OfferId, List<ReportRow>> returns = new LinkedHashMap<>();
        private final Map<String, String> encodings = new LinkedHashMap<>();
        private final dev.cxsentinel.domain.Marketplace defaultMarketplace;
        private long staleRows;
        private long returnsSkipped;
        private long rowsRead;
        private long offersNew;
        private long offersChanged;
        private long offersUnchanged;
        private long commentsAdded;
        private long alertsOwed;
        private long rejectedRows;
        private List<ChannelLink> channelLinks;
        private final Map<ChannelLink, List<DigestLine>> digest = new LinkedHashMap<>();
        private final Map<ChannelLink, Integer> digestMore = new HashMap<>();
        private long digestLines;
        private final Map<OfferId, Integer> pendingCommentCounts = new HashMap<>();

        Run(ImportCxReportCommand command, Instant startedAt) {
            this.command = command;
            this.account = command.account();
            this.startedAt = startedAt;
            this.defaultMarketplace = command.defaultMarketplace().orElse(null);
        }

        void error(RowError error) {
            errorCount++;
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(error);
            }
        }

        long position(ReportFile file, long line) {
            return ((long) fileIndex.get(file.name()) << FILE_SHIFT) | line;
        }

        void validate() {
            for (ReportFile file : command.files()) {
                fileIndex.putIfAbsent(file.name(), fileIndex.size() + 1);
                try {
                    switch (reader.kindOf(file)) {
                        case OFFER_REPORT -> offerFiles.add(file);
                        case COMMENT_FILE -> commentFiles.add(file);
                        case RETURNS_REPORT -> returnFiles.add(file);
                    }
                } catch (ReportFormatException e) {
                    error(e.error());
                } catch (IOException e) {
                    error(new RowError(file.name(), 0, null, null, "a readable file (" + e.getMessage() + ")"));
                }
            }
            OfferKeyIndex seen = new OfferKeyIndex();
            for (ReportFile file : offerFiles) {
                read(file, new ReportReader.RowSink() {
                    @Override
                    public void row(ReportRow row) {
                        long first = seen.putIfAbsent(OfferKeyIndex.key(row.marketplace(), row.sku()), position(file, row.line()));
                        if (first != 0) {
                            rejectRow(file, row.line(), new RowError(file.name(), row.line(), "sku", row.sku().value(),
                                    "each offer once per import: " + row.marketplace() + " " + row.sku() + " is already on line "
                                            + (first & ((1L << FILE_SHIFT) - 1)) + (first >>> FILE_SHIFT == fileIndex.get(file.name()) ? "" : " of another file")));
                        }
                    }

                    @Override
                    public void error(RowError error) {
                        rejectRow(file, error.line(), error);
                    }
                });
            }
            for (ReportFile file : commentFiles) {
                read(file, new ReportReader.RowSink() {
                    @Override
                    public void row(ReportRow row) {
                        comments.computeIfAbsent(new OfferId(account, row.marketplace(), row.sku()), k -> new ArrayList<>()).add(row);
                    }

                    @Override
                    public void error(RowError error) {
                        rejectRow(file, error.line(), error);
                    }
                });
            }
            for (ReportFile file : returnFiles) {
                read(file, new ReportReader.RowSink() {
                    @Override
                    public void row(ReportRow row) {
                        returns.computeIfAbsent(new OfferId(account, row.marketplace(), row.sku()), k -> new ArrayList<>()).add(row);
                    }

                    @Override
                    public void error(RowError error) {
                        rejectRow(file, error.line(), error);
                    }
                });
            }
            checkCommentsHaveOffers(seen);
            keepReturnsOfKnownOffers(seen);
        }

        private void rejectRow(ReportFile file, long line, RowError error) {
            error(error);
            if (line > 0 && invalidLines.add(position(file, line))) {
                rejectedRows++;
            }
        }

        private void read(ReportFile file, ReportReader.RowSink sink) {
            try {
                ReportReader.Outcome outcome = reader.read(file, defaultMarketplace, sink);
                rowsRead += outcome.rows();
                encodings.put(file.name(), outcome.encoding());
            } catch (ReportFormatException e) {
                error(e.error());
            } catch (IOException e) {
                error(new RowError(file.name(), 0, null, null, "a readable file (" + e.getMessage() + ")"));
            }
        }

        private void checkCommentsHaveOffers(OfferKeyIndex inReport) {
            List<OfferId> unknown = comments.keySet().stream()
                    .filter(id -> !inReport.contains(OfferKeyIndex.key(id.marketplace(), id.sku())))
                    .toList();
            for (int i = 0; i < unknown.size(); i += BATCH) {
                List<OfferId> batch = unknown.subList(i, Math.min(unknown.size(), i + BATCH));
                Set<OfferId> stored = loadOffer.loadAll(batch).keySet();
                for (OfferId id : batch) {
                    if (!stored.contains(id)) {
                        for (ReportRow row : comments.remove(id)) {
                            ReportFile file = commentFiles.stream().findFirst().orElseThrow();
                            rejectRow(file, row.line(), new RowError(commentFiles.size() == 1 ? file.name() : "comments", row.line(), "sku",
                                    row.sku().value(), "a known offer: no offer report row or stored offer of account "
                                    + account + " has " + row.marketplace() + " " + row.sku()));
                        }
                    }
                }
            }
        }

        /**
         * The returns report covers every offer the account has, the VoC report only some: a return for an offer
         * neither in this import nor stored is skipped and counted, not an error. The rest join the comments.
         */
        private void keepReturnsOfKnownOffers(OfferKeyIndex inReport) {
            List<OfferId> ids = new ArrayList<>(returns.keySet());
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<OfferId> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                List<OfferId> notInReport = batch.stream()
                        .filter(id -> !inReport.contains(OfferKeyIndex.key(id.marketplace(), id.sku()))).toList();
                Set<OfferId> stored = notInReport.isEmpty() ? Set.of() : loadOffer.loadAll(notInReport).keySet();
                for (OfferId id : batch) {
                    List<ReportRow> rows = returns.get(id);
                    if (notInReport.contains(id) && !stored.contains(id)) {
                        returnsSkipped += rows.size();
                    } else {
                        comments.computeIfAbsent(id, k -> new ArrayList<>()).addAll(rows);
                    }
                }
            }
            returns.clear();
        }

        void apply() {
            channelLinks = links.findByAccount(account);
            OfferKeyIndex applied = new OfferKeyIndex();
            List<ReportRow.OfferRow> batch = new ArrayList<>(BATCH);
            for (ReportFile file : offerFiles) {
                try {
                    reader.read(file, defaultMarketplace, new ReportReader.RowSink() {
                        @Override
                        public void row(ReportRow row) {
                            if (invalidLines.contains(position(file, row.line()))
                                    || applied.putIfAbsent(OfferKeyIndex.key(row.marketplace(), row.sku()), row.line()) != 0) {
                                return;
                            }
                            batch.add((ReportRow.OfferRow) row);
                            if (batch.size() == BATCH) {
                                applyOfferRows(batch);
                                batch.clear();
                            }
                        }

                        @Override
                        public void error(RowError error) {
                            // reported by the validating pass
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("the report " + file.name() + " could not be read again", e);
                } catch (ReportFormatException e) {
                    throw new IllegalStateException("the report " + file.name() + " changed during the import: " + e.getMessage(), e);
                }
            }
            applyOfferRows(batch);
            applyRemainingComments();
            writeDigests();
        }

        private void applyOfferRows(List<ReportRow.OfferRow> rows) {
            if (rows.isEmpty()) {
                return;
            }
            Map<OfferId, ReportRow.OfferRow> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put(new OfferId(account, r.marketplace(), r.sku()), r));
            Map<OfferId, Offer> stored = loadOffer.loadAll(byId.keySet());
            List<OfferChange> changes = new ArrayList<>();
            Map<OfferId, OfferChange> changeById = new HashMap<>();
            for (Map.Entry<OfferId, ReportRow.OfferRow> e : byId.entrySet()) {
                OfferChange change = change(e.getKey(), stored.get(e.getKey()), e.getValue());
                if (change != null) {
                    changes.add(change);
                    changeById.put(e.getKey(), change);
                }
            }
            Set<OfferId> conflicts = changes.isEmpty() || command.dryRun() ? Set.of() : saveOffer.saveAll(changes);
            for (OfferChange change : changes) {
                if (!conflicts.contains(change.offer().id())) {
                    count(change);
                }
            }
            for (OfferId id : conflicts) {
                retry(id, byId.get(id));
            }
            byId.keySet().forEach(comments::remove);
        }

        /** Applies one row (and its comments) to the stored offer; null when nothing changes. */
        private OfferChange change(OfferId id, Offer stored, ReportRow.OfferRow row) {
            Instant now = clock.now();
            Offer.Transition t = stored == null ? Offer.discover(id, row.observation(), now) : stored.observe(row.observation(), now);
            if (t.stale()) {
                staleRows++;
            }
            List<ReportRow> rowComments = comments.get(id);
            if (rowComments != null) {
                Offer withComments = t.after().addComments(rowComments.stream().map(ImportService::commentOf).toList()).after();
                t = new Offer.Transition(t.before(), withComments, t.events(), t.stale());
            }
            if (!t.changed()) {
                offersUnchanged++;
                return null;
            }
            NotificationPlanner.Plan plan = NotificationPlanner.plan(t, channelLinks, now);
            plan.digestLines().forEach(this::addDigestLine);
            pendingCommentCounts.put(id, addedComments(t));
            return new OfferChange(t.after(), stored == null, plan.owed());
        }

        private void count(OfferChange change) {
            Integer added = pendingCommentCounts.remove(change.offer().id());
            commentsAdded += added == null ? 0 : added;
            if (change.isNew()) {
                offersNew++;
            } else {
                offersChanged++;
            }
            alertsOwed += change.owed().size();
        }

        private void retry(OfferId id, ReportRow.OfferRow row) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Offer stored = loadOffer.load(id).orElse(null);
                OfferChange change = row != null ? change(id, stored, row) : commentChange(stored);
                if (change == null) {
                    return;
                }
                try {
                    if (!command.dryRun()) {
                        saveOffer.save(change);
                    }
                    count(change);
                    return;
                } catch (ConcurrentUpdateException again) {
                    // another writer won again: reload and reapply
                }
            }
            throw new ConcurrentUpdateException(id);
        }

        private void applyRemainingComments() {
            List<OfferId> ids = new ArrayList<>(comments.keySet());
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<OfferId> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                Map<OfferId, Offer> stored = loadOffer.loadAll(batch);
                for (OfferId id : batch) {
                    Offer offer = stored.get(id);
                    OfferChange change = commentChange(offer);
                    if (change == null) {
                        continue;
                    }
                    try {
                        if (!command.dryRun()) {
                            saveOffer.save(change);
                        }
                        count(change);
                    } catch (ConcurrentUpdateException conflict) {
                        retry(id, null);
                    }
                }
            }
        }

        private OfferChange commentChange(Offer offer) {
            if (offer == null) {
                return null;
            }
            List<ReportRow> rows = comments.get(offer.id());
            if (rows == null) {
                return null;
            }
            List<CustomerComment> added = rows.stream().map(ImportService::commentOf).toList();
            Offer.Transition t = offer.addComments(added);
            if (!t.changed()) {
                offersUnchanged++;
                return null;
            }
            pendingCommentCounts.put(offer.id(), addedComments(t));
            return new OfferChange(t.after(), false, List.of());
        }

        private int addedComments(Offer.Transition t) {
            List<CustomerComment> before = t.before() == null ? List.of() : t.before().comments();
            return (int) t.after().comments().stream().filter(c -> before.stream().noneMatch(c::sameAs)).count();
        }

        private void addDigestLine(DigestLine line) {
            for (ChannelLink link : channelLinks) {
                List<DigestLine> lines = digest.computeIfAbsent(link, k -> new ArrayList<>());
                if (lines.size() < Digest.MAX_LINES) {
                    lines.add(line);
                } else {
                    digestMore.merge(link, 1, Integer::sum);
                }
            }
            digestLines++;
        }

        private void writeDigests() {
            if (command.dryRun()) {
                return;
            }
            String importId = UUID.randomUUID().toString();
            Instant now = clock.now();
            digest.forEach((link, lines) -> outbox.saveDigest(new Digest(importId + ":" + link.channel().value(), account,
                    link.channel(), link.language(), importId, lines, digestMore.getOrDefault(link, 0), now, now,
                    Notification.State.PENDING, 0, null, List.of())));
        }

        ImportSummary summary(boolean applied) {
            ImportRecord record = new ImportRecord(UUID.randomUUID().toString(), account, command.importedBy(), startedAt,
                    clock.now(), command.files().stream().map(ReportFile::name).toList(), rowsRead,
                    applied ? offersNew : 0, applied ? offersChanged : 0, applied ? offersUnchanged : 0, applied ? commentsAdded : 0,
                    applied ? alertsOwed : 0, applied ? digestLines : 0, rejectedRows, applied);
            return new ImportSummary(record, errors, errorCount, encodings, staleRows, returnsSkipped, command.dryRun());
        }
    }

    private static CustomerComment commentOf(ReportRow row) {
        if (row instanceof ReportRow.CommentRow c) {
            return c.comment();
        }
        if (row instanceof ReportRow.ReturnRow r) {
            return r.comment();
        }
        throw new IllegalArgumentException("an offer row is not a comment");
    }
}
