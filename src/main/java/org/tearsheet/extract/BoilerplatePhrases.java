package org.tearsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrase list of {@code boilerplate-phrases.txt}: furniture text ("Reuse this content", "Folgen Sie uns",
 * "Tous droits réservés") in the languages the data file covers, compiled into three patterns.
 * Immutable and thread-safe once loaded.
 */
final class BoilerplatePhrases {

    /** Blocks longer than this are article text even if they contain a phrase. */
    static final int MAX_BLOCK_CHARS = 220;

    private static final String RESOURCE = "boilerplate-phrases.txt";

    private final Pattern contains;
    private final Pattern startsWith;
    private final Pattern whole;

    private BoilerplatePhrases(Pattern contains, Pattern startsWith, Pattern whole) {
        this.contains = contains;
        this.startsWith = startsWith;
        this.whole = whole;
    }

    static BoilerplatePhrases load() {
        try (InputStream in = BoilerplatePhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoilerplatePhrases parse(List<String> lines) {
        List<String> contains = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            if (line.startsWith("=")) {
                whole.add(toRegex(line.substring(1)));
            } else if (line.startsWith("^")) {
                starts.add(toRegex(line.substring(1)));
            } else {
                contains.add(toRegex(line));
            }
        }
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return new BoilerplatePhrases(
                Pattern.compile("(?:^|\\W)(?:" + String.join("|", contains) + ")", flags),
                Pattern.compile("^[\\W_]*(?:" + String.join("|", starts) + ")", flags),
                Pattern.compile("^[\\W_]*(?:" + String.join("|", whole) + ")[\\W_]*$", flags));
    }

    private static String toRegex(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (String part : phrase.strip().split("\\*", -1)) {
            if (sb.length() > 0) {
                sb.append(".{0,60}?");
            }
            sb.append(Pattern.quote(part).replace(" ", "\\E\\s+\\Q"));
        }
        return sb.toString();
    }

    /** Whether a text block is furniture by its wording. */
    boolean matches(String block) {
        if (block.length() > MAX_BLOCK_CHARS) {
            return false;
        }
        return whole.matcher(block).find() || startsWith.matcher(block).find() || contains.matcher(block).find();
    }
}
