package dev.cxsentinel.adapters.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.cxsentinel.application.model.StoreUnavailableException;
import java.util.function.Supplier;

/** Turns "the database did not answer" into the application's clear, retryable error. */
final class Guard {
    private Guard() {
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoInterruptedException
                 | MongoConnectionPoolClearedException e) {
            throw new StoreUnavailableException(e);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
