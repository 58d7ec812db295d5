package org.tearsheet.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML document starts, keyed by the path the validator names
 * ({@code jobs[0].seeds.feeds[1]}); validation runs on bound records, which have lost their source lines.
 */
final class FieldLines {

    private final Map<String, Integer> lines;

    private FieldLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes {@code yaml}; a document that does not parse yields an empty index (binding reports that). */
    static FieldLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext context = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the parser has already entered the new container; an array element is named by its parent
                    context = context.getParent();
                    if (context == null || !context.inArray()) {
                        continue;
                    }
                } else if (t.isStructEnd() || (t != JsonToken.FIELD_NAME && !context.inArray())) {
                    continue;
                }
                lines.putIfAbsent(path(context), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            return new FieldLines(Map.of());
        }
        return new FieldLines(lines);
    }

    /** The line of {@code path}, else of its closest indexed parent, else -1. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return -1;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
