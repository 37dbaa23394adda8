package dev.cxsentinel.adapters.mongo;

/** The embedded store cannot be opened as configured: the message names the path and the reason. */
public final class StoreConfigurationException extends RuntimeException {
    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
