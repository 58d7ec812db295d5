package org.tearsheet.replay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The decoded parameters of a request's query string (first value wins). */
final class QueryString {

    private final Map<String, String> values = new HashMap<>();

    QueryString(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(k, v);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    int integer(String name, int fallback) {
        try {
            String v = get(name);
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * A yyyy-MM-dd parameter.
     *
     * @throws IllegalArgumentException when present but not a date
     */
    LocalDate date(String name) {
        String v = get(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2026-11-29, not " + v);
        }
    }
}
