package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.ReportFormatException;
import dev.cxsentinel.application.report.ReportReader;
import dev.cxsentinel.application.report.ReportRow;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The second pass of an import: takes the valid offer rows in batches (those the {@link UnchangedRowScreen} kept, or
 * else read from the files again), loads the stored offers of a batch by id (the next batch's while the current one
 * is applied, {@link OfferPrefetch}), applies each row and its comments, and writes only real changes, each together
 * with the notifications it owes (one document, one write). A write that lost to a concurrent one is reloaded and reapplied. In a dry run
 * nothing is written and the counts say what would have been.
 */
final class ImportApplication {
    private final ReportReader reader;
    private final LoadOffer loadOffer;
    private final SaveOffer saveOffer;
    private final Clock clock;
    private final SellerAccountId account;
    private final Marketplace defaultMarketplace;
    private final boolean dryRun;
    private final ImportValidation validation;
    private final ImportTally tally;
    private final DigestCollector digests;
    private final Runnable afterBatch;
    private final Map<OfferId, Integer> pendingCommentCounts = new HashMap<>();
    private final ImportFingerprints fingerprints;
    private final Set<OfferId> stale = new HashSet<>();
    private Batch loading;

    /** A batch's rows by offer id, their fingerprints, and what the store holds for them, being read. */
    private record Batch(Map<OfferId, ReportRow.OfferRow> rows, Map<OfferId, Long> hashes, Future<OfferPrefetch.Loaded> stored) { }

    /** {@code afterBatch} runs after every batch written (the import records its progress). */
    ImportApplication(ReportReader reader, LoadOffer loadOffer, SaveOffer saveOffer, ImportFingerprints fingerprints, Clock clock,
                      SellerAccountId account, Marketplace defaultMarketplace, boolean dryRun, ImportValidation validation,
                      ImportTally tally, DigestCollector digests, Runnable afterBatch) {
        this.fingerprints = fingerprints;
        this.afterBatch = afterBatch;
        this.reader = reader;
        this.loadOffer = loadOffer;
        this.saveOffer = saveOffer;
        this.clock = clock;
        this.account = account;
        this.defaultMarketplace = defaultMarketplace;
        this.dryRun = dryRun;
        this.validation = validation;
        this.tally = tally;
        this.digests = digests;
    }

    void run() {
        try (OfferPrefetch prefetch = new OfferPrefetch(loadOffer, fingerprints)) {
            run(prefetch);
        }
    }

    private void run(OfferPrefetch prefetch) {
        List<ReportRow.OfferRow> batch = new ArrayList<>(ImportService.BATCH);
        Optional<UnchangedRowScreen.Screened> screened = validation.screened();
        if (screened.isPresent()) {
            tally.offersUnchanged += screened.get().unchanged();
            screened.get().rows().forEach(row -> add(prefetch, batch, row, UnchangedRowScreen.APPLY_BATCH));
        } else {
            readAgain(prefetch, batch);
        }
        loadThenApplyPrevious(prefetch, batch);
        loadThenApplyPrevious(prefetch, List.of());
        applyRemainingComments();
        tally.digestLines = digests.count();
    }

    /** The valid offer rows, read from the files again, each offer once. */
    private void readAgain(OfferPrefetch prefetch, List<ReportRow.OfferRow> batch) {
        OfferKeyIndex applied = new OfferKeyIndex();
        for (ReportFile file : validation.offerFiles()) {
            try {
                reader.read(file, defaultMarketplace, new ReportReader.RowSink() {
                    @Override
                    public void row(ReportRow row) {
                        if (!validation.isInvalid(file, row.line())
                                && applied.putIfAbsent(OfferKeyIndex.key(row.marketplace(), row.sku()), row.line()) == 0) {
                            add(prefetch, batch, (ReportRow.OfferRow) row, ImportService.BATCH);
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
    }

    private void add(OfferPrefetch prefetch, List<ReportRow.OfferRow> batch, ReportRow.OfferRow row, int batchSize) {
        batch.add(row);
        if (batch.size() == batchSize) {
            loadThenApplyPrevious(prefetch, batch);
            batch.clear();
        }
    }

    /** Starts loading the stored offers of {@code rows}, then applies the batch loaded before (if any). */
    private void loadThenApplyPrevious(OfferPrefetch prefetch, List<ReportRow.OfferRow> rows) {
        Batch previous = loading;
        loading = null;
        if (!rows.isEmpty()) {
            Map<OfferId, ReportRow.OfferRow> byId = new LinkedHashMap<>();
            Map<OfferId, Long> hashes = new HashMap<>();
            for (ReportRow.OfferRow r : rows) {
                OfferId id = new OfferId(account, r.marketplace(), r.sku());
                byId.put(id, r);
                hashes.put(id, RowFingerprint.of(r));
            }
            Map<OfferId, Long> maybeUnchanged = new HashMap<>(hashes);
            maybeUnchanged.keySet().removeIf(validation.comments()::containsKey); // new comments: read and apply
            loading = new Batch(byId, hashes, prefetch.start(byId.keySet(), maybeUnchanged));
        }
        if (previous != null) {
            applyOfferRows(previous, OfferPrefetch.await(previous.stored()));
        }
    }

    private void applyOfferRows(Batch batch, OfferPrefetch.Loaded stored) {
        Map<OfferId, ReportRow.OfferRow> byId = batch.rows();
        List<OfferChange> changes = new ArrayList<>();
        Map<OfferId, ImportFingerprints.Fingerprint> asLeft = new HashMap<>();
        for (Map.Entry<OfferId, ReportRow.OfferRow> e : byId.entrySet()) {
            OfferId id = e.getKey();
            if (stored.unchanged().contains(id)) {
                tally.offersUnchanged++;
                continue;
            }
            Offer before = stored.offers().get(id);
            OfferChange change = change(id, before, e.getValue());
            if (change != null) {
                changes.add(change);
            } else if (before != null && !stale.contains(id)) {
                asLeft.put(id, new ImportFingerprints.Fingerprint(batch.hashes().get(id), before.version()));
            }
        }
        Set<OfferId> conflicts = changes.isEmpty() || dryRun ? Set.of() : saveOffer.saveAll(changes);
        for (OfferChange change : changes) {
            OfferId id = change.offer().id();
            if (!conflicts.contains(id)) {
                count(change);
                if (!stale.contains(id)) {
                    asLeft.put(id, new ImportFingerprints.Fingerprint(batch.hashes().get(id),
                            change.isNew() ? 1 : change.expectedVersion() + 1));
                }
            }
        }
        stale.clear();
        if (!dryRun && !asLeft.isEmpty()) {
            fingerprints.record(asLeft);
        }
        for (OfferId id : conflicts) {
            retry(id, byId.get(id));
        }
        byId.keySet().forEach(validation.comments()::remove);
        tally.digestLines = digests.count();
        afterBatch.run();
    }

    /** Applies one row (and its comments) to the stored offer; null when nothing changes. */
    private OfferChange change(OfferId id, Offer stored, ReportRow.OfferRow row) {
        Instant now = clock.now();
        Offer.Transition t = stored == null ? Offer.discover(id, row.observation(), now) : stored.observe(row.observation(), now);
        if (t.stale()) {
            tally.staleRows++;
            stale.add(id);
        }
        List<ReportRow> rowComments = validation.comments().get(id);
        if (rowComments != null) {
            Offer withComments = t.after().addComments(rowComments.stream().map(ImportApplication::commentOf).toList()).after();
            t = new Offer.Transition(t.before(), withComments, t.events(), t.stale());
        }
        if (!t.changed()) {
            tally.offersUnchanged++;
            return null;
        }
        NotificationPlanner.Plan plan = NotificationPlanner.plan(t, digests.channels(), now);
        plan.digestLines().forEach(digests::add);
        pendingCommentCounts.put(id, addedComments(t));
        return new OfferChange(t.after(), stored == null, plan.owed());
    }

    private void count(OfferChange change) {
        Integer added = pendingCommentCounts.remove(change.offer().id());
        tally.commentsAdded += added == null ? 0 : added;
        if (change.isNew()) {
            tally.offersNew++;
        } else {
            tally.offersChanged++;
        }
        tally.alertsOwed += change.owed().size();
    }

    private void save(OfferChange change) {
        if (!dryRun) {
            saveOffer.save(change);
        }
        count(change);
    }

    /** After a lost race: reload and reapply the row (or the comments) by the one conflict policy. */
    private void retry(OfferId id, ReportRow.OfferRow row) {
        ConflictRetry.run(attempt -> {
            Offer stored = loadOffer.load(id).orElse(null);
            OfferChange change = row != null ? change(id, stored, row) : commentChange(stored);
            if (change != null) {
                save(change);
            }
            return change;
        });
    }

    private void applyRemainingComments() {
        for (List<OfferId> batch : ImportService.batches(new ArrayList<>(validation.comments().keySet()))) {
            Map<OfferId, Offer> stored = loadOffer.loadAll(batch);
            for (OfferId id : batch) {
                OfferChange change = commentChange(stored.get(id));
                if (change == null) {
                    continue;
                }
                try {
                    save(change);
                } catch (ConcurrentUpdateException conflict) {
                    retry(id, null);
                }
            }
            afterBatch.run();
        }
    }

    private OfferChange commentChange(Offer offer) {
        if (offer == null) {
            return null;
        }
        List<ReportRow> rows = validation.comments().get(offer.id());
        if (rows == null) {
            return null;
        }
        Offer.Transition t = offer.addComments(rows.stream().map(ImportApplication::commentOf).toList());
        if (!t.changed()) {
            tally.offersUnchanged++;
            return null;
        }
        pendingCommentCounts.put(offer.id(), addedComments(t));
        return new OfferChange(t.after(), false, List.of());
    }

    private static int addedComments(Offer.Transition t) {
        List<CustomerComment> before = t.before() == null ? List.of() : t.before().comments();
        return (int) t.after().comments().stream().filter(c -> before.stream().noneMatch(c::sameAs)).count();
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
