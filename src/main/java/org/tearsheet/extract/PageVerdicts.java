package org.tearsheet.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@link ChromeRules#verdict class/id verdicts} of one page, memoised: the same class values repeat on
 * hundreds of elements, and the same names recur in many distinct values. Lives as long as one traversal; not
 * thread-safe.
 */
final class PageVerdicts {

    private final Map<String, Integer> classValues = new HashMap<>();
    private final Map<String, Integer> idValues = new HashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final ToIntFunction<String> nameFacts = this::nameFacts;

    int ofClass(String value) {
        return of(value, true, classValues);
    }

    int ofId(String value) {
        return of(value, false, idValues);
    }

    private int of(String value, boolean isClass, Map<String, Integer> cache) {
        if (value.isEmpty()) {
            return ChromeRules.NEUTRAL;
        }
        Integer v = cache.get(value);
        if (v == null) {
            v = ChromeRules.verdict(value, isClass, nameFacts);
            cache.put(value, v);
        }
        return v;
    }

    private int nameFacts(String name) {
        Integer f = names.get(name);
        if (f == null) {
            f = ChromeRules.nameFacts(name);
            names.put(name, f);
        }
        return f;
    }
}
