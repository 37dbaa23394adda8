package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.List;

/** What one import did: who, when, which files, rows read, offers new / changed / unchanged, alerts owed, rows rejected. */
public record ImportRecord(String id, SellerAccountId account, String importedBy, Instant startedAt, Instant finishedAt,
                           List<String> files, long rowsRead, long offersNew, long offersChanged, long offersUnchanged,
                           long commentsAdded, long alertsOwed, long digestLines, long rowsRejected, boolean applied) {
    public ImportRecord {
        files = List.copyOf(files);
    }
}
