package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads what the store holds for the next batch of an import while the current batch is applied, so that the store
 * and the parser work at the same time (on a 100k re-import the import waited on the store for about half its
 * time): first the fingerprints of the rows that may be unchanged, then the offers of all the others. One loader
 * thread, one batch ahead: memory stays at two batches.
 */
final class OfferPrefetch implements AutoCloseable {
    /** The offers to apply rows to, and the offers whose row matches the fingerprint on record (not read). */
    record Loaded(Map<OfferId, Offer> offers, Set<OfferId> unchanged) { }

    private final LoadOffer loadOffer;
    private final ImportFingerprints fingerprints;
    private final ExecutorService loader = storeReader("cx-import-prefetch");

    OfferPrefetch(LoadOffer loadOffer, ImportFingerprints fingerprints) {
        this.loadOffer = loadOffer;
        this.fingerprints = fingerprints;
    }

    /** Starts reading {@code ids}; {@code maybeUnchanged}: the fingerprints of the rows that need no reading if they match. */
    Future<Loaded> start(Collection<OfferId> ids, Map<OfferId, Long> maybeUnchanged) {
        List<OfferId> all = List.copyOf(ids);
        Map<OfferId, Long> candidates = Map.copyOf(maybeUnchanged);
        return loader.submit(() -> {
            Set<OfferId> unchanged = new HashSet<>();
            if (!candidates.isEmpty()) {
                Map<OfferId, Long> recorded = fingerprints.recorded(candidates.keySet());
                candidates.forEach((id, hash) -> {
                    if (hash.equals(recorded.get(id))) {
                        unchanged.add(id);
                    }
                });
            }
            List<OfferId> toRead = all.stream().filter(id -> !unchanged.contains(id)).toList();
            return new Loaded(toRead.isEmpty() ? Map.of() : loadOffer.loadAll(toRead), unchanged);
        });
    }

    /** One daemon thread that reads the store for an import: it never keeps the JVM from exiting. */
    static ExecutorService storeReader(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What was read; a failure of the store is thrown as the store threw it. */
    static <T> T await(Future<T> loading) {
        try {
            return loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loading.cancel(true);
            throw new IllegalStateException("the import was interrupted while reading stored offers", e);
        }
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
