package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.ReportFormatException;
import dev.cxsentinel.application.report.ReportReader;
import dev.cxsentinel.application.report.ReportRow;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The first pass of an import, which writes nothing: sorts the files by kind, reads every row, finds repeated
 * offers and comments for unknown offers, and keeps the comments (and the returns of known offers) for the second
 * pass. Offer rows are checked here and handed to the {@link UnchangedRowScreen}, which keeps those that differ
 * from their fingerprint while they are few; otherwise the second pass reads them again, so memory does not grow
 * with the offer report.
 */
final class ImportValidation {
    /** A row's place as one number: the file's index above bit 40, the line below (OfferKeyIndex stores longs). */
    private static final long FILE_SHIFT = 40;

    private final ReportReader reader;
    private final LoadOffer loadOffer;
    private final SellerAccountId account;
    private final Marketplace defaultMarketplace;
    private final ImportTally tally;
    private final List<ReportFile> offerFiles = new ArrayList<>();
    private final List<ReportFile> commentFiles = new ArrayList<>();
    private final List<ReportFile> returnFiles = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final Set<Long> invalidLines = new HashSet<>();
    private final Map<OfferId, List<ReportRow>> comments = new LinkedHashMap<>();
    private final Map<OfferId, List<ReportRow>> returns = new LinkedHashMap<>();
    private final UnchangedRowScreen screen;
    private Optional<UnchangedRowScreen.Screened> screened = Optional.empty();

    ImportValidation(ReportReader reader, LoadOffer loadOffer, SellerAccountId account, Marketplace defaultMarketplace, ImportTally tally,
                     UnchangedRowScreen screen) {
        this.screen = screen;
        this.reader = reader;
        this.loadOffer = loadOffer;
        this.account = account;
        this.defaultMarketplace = defaultMarketplace;
        this.tally = tally;
    }

    List<ReportFile> offerFiles() {
        return offerFiles;
    }

    /** The comments (and returns of known offers) per offer, for the second pass; it removes what it applies. */
    Map<OfferId, List<ReportRow>> comments() {
        return comments;
    }

    /** The offer rows left to apply, when the screen spared the second pass reading the files again. */
    Optional<UnchangedRowScreen.Screened> screened() {
        return screened;
    }

    boolean isInvalid(ReportFile file, long line) {
        return invalidLines.contains(position(file, line));
    }

    void run(List<ReportFile> files) {
        for (ReportFile file : files) {
            fileIndex.putIfAbsent(file.name(), fileIndex.size() + 1);
            try {
                switch (reader.kindOf(file)) {
                    case OFFER_REPORT -> offerFiles.add(file);
                    case COMMENT_FILE -> commentFiles.add(file);
                    case RETURNS_REPORT -> returnFiles.add(file);
                }
            } catch (ReportFormatException e) {
                tally.error(e.error());
            } catch (IOException e) {
                tally.error(unreadable(file, e));
            }
        }
        if (!commentFiles.isEmpty() || !returnFiles.isEmpty()) {
            screen.giveUp();
        }
        OfferKeyIndex seen = new OfferKeyIndex();
        for (ReportFile file : offerFiles) {
            read(file, row -> {
                long first = seen.putIfAbsent(OfferKeyIndex.key(row.marketplace(), row.sku()), position(file, row.line()));
                if (first != 0) {
                    rejectRow(file, row.line(), new RowError(file.name(), row.line(), "sku", row.sku().value(),
                            first >>> FILE_SHIFT == fileIndex.get(file.name()) ? "offer-once" : "offer-once-other-file",
                            row.marketplace().code(), row.sku().value(), first & ((1L << FILE_SHIFT) - 1)));
                } else {
                    screen.offer((ReportRow.OfferRow) row);
                }
            });
        }
        screened = screen.finish();
        for (ReportFile file : commentFiles) {
            read(file, row -> comments.computeIfAbsent(idOf(row), k -> new ArrayList<>()).add(row));
        }
        for (ReportFile file : returnFiles) {
            read(file, row -> returns.computeIfAbsent(idOf(row), k -> new ArrayList<>()).add(row));
        }
        checkCommentsHaveOffers(seen);
        keepReturnsOfKnownOffers(seen);
    }

    private OfferId idOf(ReportRow row) {
        return new OfferId(account, row.marketplace(), row.sku());
    }

    private long position(ReportFile file, long line) {
        return ((long) fileIndex.get(file.name()) << FILE_SHIFT) | line;
    }

    private void rejectRow(ReportFile file, long line, RowError error) {
        tally.error(error);
        if (line > 0 && invalidLines.add(position(file, line))) {
            tally.rejectedRows++;
        }
    }

    private void read(ReportFile file, Consumer<ReportRow> rows) {
        try {
            ReportReader.Outcome outcome = reader.read(file, defaultMarketplace, new ReportReader.RowSink() {
                @Override
                public void row(ReportRow row) {
                    rows.accept(row);
                }

                @Override
                public void error(RowError error) {
                    rejectRow(file, error.line(), error);
                }
            });
            tally.read(file.name(), outcome.rows(), outcome.encoding());
        } catch (ReportFormatException e) {
            tally.error(e.error());
        } catch (IOException e) {
            tally.error(unreadable(file, e));
        }
    }

    private static RowError unreadable(ReportFile file, IOException e) {
        return new RowError(file.name(), 0, null, null, "readable-file", String.valueOf(e.getMessage()));
    }

    private void checkCommentsHaveOffers(OfferKeyIndex inReport) {
        List<OfferId> unknown = comments.keySet().stream()
                .filter(id -> !inReport.contains(OfferKeyIndex.key(id.marketplace(), id.sku())))
                .toList();
        for (List<OfferId> batch : ImportService.batches(unknown)) {
            Set<OfferId> stored = loadOffer.loadAll(batch).keySet();
            for (OfferId id : batch) {
                if (!stored.contains(id)) {
                    for (ReportRow row : comments.remove(id)) {
                        ReportFile file = commentFiles.stream().findFirst().orElseThrow();
                        rejectRow(file, row.line(), new RowError(commentFiles.size() == 1 ? file.name() : "comments", row.line(), "sku",
                                row.sku().value(), "known-offer", account.value(), row.marketplace().code(), row.sku().value()));
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
        for (List<OfferId> batch : ImportService.batches(new ArrayList<>(returns.keySet()))) {
            List<OfferId> notInReport = batch.stream()
                    .filter(id -> !inReport.contains(OfferKeyIndex.key(id.marketplace(), id.sku()))).toList();
            Set<OfferId> stored = notInReport.isEmpty() ? Set.of() : loadOffer.loadAll(notInReport).keySet();
            for (OfferId id : batch) {
                List<ReportRow> rows = returns.get(id);
                if (notInReport.contains(id) && !stored.contains(id)) {
                    tally.returnsSkipped += rows.size();
                } else {
                    comments.computeIfAbsent(id, k -> new ArrayList<>()).addAll(rows);
                }
            }
        }
        returns.clear();
    }
}
