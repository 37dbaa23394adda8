package dev.cxsentinel.domain;

/**
 * A value that is not of its type's form: which field (a code: {@code field.<code>} in the catalogs), what was
 * found, and what was expected.
 */
public final class InvalidValueException extends DomainException {
    private final String field;
    private final String found;
    private final Expectation expected;

    public InvalidValueException(String field, String found, Expectation expected) {
        super("invalid-value", field + " '" + Text.shorten(found, 60) + "' is not valid: expected " + expected);
        this.field = field;
        this.found = found;
        this.expected = expected;
    }

    public InvalidValueException(String field, String found, String expectedCode, Object... args) {
        this(field, found, Expectation.of(expectedCode, args));
    }

    public String field() {
        return field;
    }

    public String found() {
        return found;
    }

    public Expectation expected() {
        return expected;
    }
}
