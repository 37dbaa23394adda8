package dev.cxsentinel.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a value should have been, as a code and its arguments: the message catalogs say it in the user's language
 * ({@code expected.<code>}). The core never words it.
 */
public record Expectation(String code, List<Object> args) {
    public Expectation {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Expectation of(String code, Object... args) {
        return new Expectation(code, Arrays.asList(args));
    }

    /** For logs: the code and its arguments. */
    @Override
    public String toString() {
        return args.isEmpty() ? code : code + args;
    }
}
