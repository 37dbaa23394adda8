package dev.cxsentinel.adapters.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.cxsentinel.application.model.StoreUnavailableException;
import java.util.function.Supplier;

/** Turns "the database did not answer" and "its disk is full" into the application's clear, retryable errors. */
final class Guard {
    private Guard() {
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoInterruptedException
                 | MongoConnectionPoolClearedException e) {
            throw new StoreUnavailableException(e);
        } catch (MongoException e) {
            if (isDiskFull(e)) {
                throw StoreUnavailableException.diskFull(e);
            }
            throw e;
        }
    }

    /** The embedded store reports a full disk as a server error carrying the file system's words. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
