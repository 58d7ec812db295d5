package org.tearsheet.config;

import java.util.List;

/**
 * The config file is missing, unreadable or invalid; the message names the field and line.
 * When validation found several problems, {@link #problems()} lists each (the message joins them).
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    /** Several problems found at once, one line each ({@code file:line: field: message}). */
    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one per entry. */
    public List<String> problems() {
        return problems;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }
}
