package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one import did: who, when, which files, rows read, offers new / changed / unchanged, alerts owed, rows
 * rejected, and where it stands. An applying import is recorded from its start as {@link State#RUNNING} and
 * rewritten after every batch ({@code finishedAt} is then the time of its last batch), so an import that dies is
 * found and recorded as {@link State#INTERRUPTED} with the changes it had written.
 */
public record ImportRecord(String id, SellerAccountId account, String importedBy, Instant startedAt, Instant finishedAt,
                           List<String> files, long rowsRead, long offersNew, long offersChanged, long offersUnchanged,
                           long commentsAdded, long alertsOwed, long digestLines, long rowsRejected, boolean applied, State state) {

    public enum State { RUNNING, FINISHED, INTERRUPTED }

    public ImportRecord {
        files = List.copyOf(files);
        Objects.requireNonNull(state, "state");
    }

    /** A finished import. */
    public ImportRecord(String id, SellerAccountId account, String importedBy, Instant startedAt, Instant finishedAt,
                        List<String> files, long rowsRead, long offersNew, long offersChanged, long offersUnchanged,
                        long commentsAdded, long alertsOwed, long digestLines, long rowsRejected, boolean applied) {
        this(id, account, importedBy, startedAt, finishedAt, files, rowsRead, offersNew, offersChanged, offersUnchanged,
                commentsAdded, alertsOwed, digestLines, rowsRejected, applied, State.FINISHED);
    }

    public ImportRecord interrupted() {
        return new ImportRecord(id, account, importedBy, startedAt, finishedAt, files, rowsRead, offersNew, offersChanged,
                offersUnchanged, commentsAdded, alertsOwed, digestLines, rowsRejected, applied, State.INTERRUPTED);
    }

    /** Offers it wrote (new or changed). */
    public long changesWritten() {
        return offersNew + offersChanged;
    }
}
