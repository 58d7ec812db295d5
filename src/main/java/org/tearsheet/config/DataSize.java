package org.tearsheet.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A byte count written in config as {@code 1GiB}, {@code 50MiB}, {@code 512kB}, {@code 1000}. */
public record DataSize(long bytes) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /** Parses {@code 1GiB}, {@code 1GB}, {@code 50MiB}, {@code 64k}, or a plain number of bytes. */
    public static DataSize parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 50MiB, 1GiB, 512kB)");
        }
        double number = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "m", "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "g", "gb" -> 1_000_000_000L;
            case "gib" -> 1L << 30;
            case "t", "tb" -> 1_000_000_000_000L;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' in '" + text + "'");
        };
        return new DataSize((long) (number * unit));
    }

    @Override
    public String toString() {
        if (bytes % (1L << 30) == 0 && bytes > 0) return bytes / (1L << 30) + "GiB";
        if (bytes % (1L << 20) == 0 && bytes > 0) return bytes / (1L << 20) + "MiB";
        if (bytes % (1L << 10) == 0 && bytes > 0) return bytes / (1L << 10) + "KiB";
        return Long.toString(bytes);
    }
}
