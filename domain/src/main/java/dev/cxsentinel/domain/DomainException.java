package dev.cxsentinel.domain;

/**
 * A broken business rule. Each rule has its own subclass with a stable {@link #code()} so adapters can
 * translate the message; {@link #getMessage()} is a complete English sentence a seller understands.
 * Nothing is changed when one is thrown: every domain operation returns a new value or throws.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
