package dev.cxsentinel.bootstrap;

import java.util.List;

/** Every problem with the configuration at once, so one start tells the user all there is to fix. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("Configuration problems:\n" + String.join("\n", problems.stream().map(p -> "  - " + p).toList())
                + "\nSee the Configuration section of README.md.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
