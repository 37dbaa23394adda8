package dev.cxsentinel.domain;

/** A value that is not of its type's form: says which value, what was found, and what is expected. */
public final class InvalidValueException extends DomainException {
    private final String field;
    private final String found;
    private final String expected;

    public InvalidValueException(String field, String found, String expected) {
        super("invalid-value", field + " '" + Text.shorten(found, 60) + "' is not valid: expected " + expected);
        this.field = field;
        this.found = found;
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    public String found() {
        return found;
    }

    public String expected() {
        return expected;
    }
}
