package dev.cxsentinel.adapters.mongo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's compaction: the whole file at start-up when it is worth the time (never at the cost of the
 * start), and H2's own in the background kept to chunks that are mostly garbage.
 */
final class Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);
    /** The file's size after the last compaction (or after the last look that found it mostly live). */
    static final String COMPACTED_FILE = "compacted.size";
    /** How many compactions ran in this JVM: tests count them rather than time them. */
    static final AtomicLong COMPACTIONS = new AtomicLong();

    /**
     * H2 rewrites, in the background and holding the store, every chunk less than 90 % live: after a day's imports
     * that was seconds of rewriting at each start (a console on a 100,000-offer store took 4.3 s instead of 1.5 s, and
     * the file grew by up to 20 MiB per start) and it competed with commands. It now rewrites chunks only below half
     * live, the threshold at which the start compacts the whole file anyway ({@link #compactIfWorthIt}).
     */
    static final int AUTO_COMPACT_FILL_RATE = 50;

    private Compaction() {
    }

    /** Opens the store's file with H2's background compaction kept to chunks less than half live. */
    static MVStore open(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(AUTO_COMPACT_FILL_RATE).open();
    }

    /**
     * Rewrites the file without its unused space, but only when it is worth it and safe: when the file has grown to
     * twice its size after the last compaction (so a daily re-import does not pay a full rewrite at every start)
     * and less than half of it is live data, and when the disk has room for the copy (a start must never fail for a
     * compaction). A copy a crash left behind is removed. Skipped, harmlessly, when another process has the file open.
     */
    static void compactIfWorthIt(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tempFile");
        Path marker = file.resolveSibling(COMPACTED_FILE);
        try {
            Files.deleteIfExists(temp);
            if (!Files.exists(file)) {
                return;
            }
            long before = Files.size(file);
            long last = lastCompactedSize(marker);
            if (last > 0 && before < 2 * last) {
                LOG.debug("embedded store not compacted: {} bytes, {} after the last compaction", before, last);
                return;
            }
            int live = liveDataPercent(file);
            if (live >= LIVE_PERCENT_NOT_WORTH_COMPACTING) {
                Files.writeString(marker, Long.toString(before), StandardCharsets.US_ASCII);
                LOG.debug("embedded store not compacted: {} % of its {} bytes are live data", live, before);
                return;
            }
            long free = Files.getFileStore(file.getParent()).getUsableSpace();
            if (free < before + (16L << 20)) {
                LOG.warn("embedded store not compacted: {} needs about {} MiB free for the copy, {} MiB are free", file,
                        before >> 20, free >> 20);
                return;
            }
            MVStoreTool.compact(file.toString(), false);
            COMPACTIONS.incrementAndGet();
            long after = Files.size(file);
            Files.writeString(marker, Long.toString(after), StandardCharsets.US_ASCII);
            LOG.info("embedded store compacted: {} → {} bytes", before, after);
        } catch (RuntimeException | IOException e) {
            LOG.debug("embedded store not compacted: {}", e.getMessage());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort; removed again at the next start
            }
        }
    }

    /**
     * Compacting a file that is mostly live data gains little and costs seconds: a freshly imported 100k store was
     * 90 % live, and rewriting it made the first re-import a third slower. At or above this share it is left as is.
     */
    static final int LIVE_PERCENT_NOT_WORTH_COMPACTING = 50;

    /** How much of the file is live data, in percent, read from its chunk headers (100 when it cannot be read). */
    private static int liveDataPercent(Path file) {
        MVStore peek = null;
        try {
            peek = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            return peek.getFileStore().getChunksFillRate();
        } catch (RuntimeException e) {
            return 100;
        } finally {
            if (peek != null) {
                peek.closeImmediately();
            }
        }
    }

    private static long lastCompactedSize(Path marker) {
        try {
            return Files.exists(marker) ? Long.parseLong(Files.readString(marker, StandardCharsets.US_ASCII).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
