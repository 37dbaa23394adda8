package dev.cxsentinel.application.service;

import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the stored offers of the next batch of an import while the current batch is applied, so that the store
 * and the parser work at the same time (on a 100k re-import the import waited on the store for about half its
 * time). One loader thread, one batch ahead: memory stays at two batches.
 */
final class OfferPrefetch implements AutoCloseable {
    private final LoadOffer loadOffer;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cx-import-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    OfferPrefetch(LoadOffer loadOffer) {
        this.loadOffer = loadOffer;
    }

    Future<Map<OfferId, Offer>> start(Collection<OfferId> ids) {
        List<OfferId> copy = List.copyOf(ids);
        return loader.submit(() -> loadOffer.loadAll(copy));
    }

    /** The loaded offers; a failure of the store is thrown as the store threw it. */
    static Map<OfferId, Offer> await(Future<Map<OfferId, Offer>> loading) {
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
