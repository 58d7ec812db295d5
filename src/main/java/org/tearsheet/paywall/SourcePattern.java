package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case-insensitive patterns of one marker for page source (script URLs and code, HTML comments). Script text
 * runs to hundreds of kilobytes per news page, and a case-insensitive regex search costs a case fold per
 * character and alternative, so each pattern knows the texts every one of its matches contains (all of some, one
 * of others): it runs only when they occur in the page's {@linkplain #fold folded} source, and when the distance
 * from a match's start to its first required text is bounded, only at the starts that distance allows around
 * each occurrence of that text. Both are exact: they never change whether a pattern is found.
 */
final class SourcePattern {

    private final List<Pattern> patterns;
    private final List<Requirements> required;

    private SourcePattern(List<Pattern> patterns, List<Requirements> required) {
        this.patterns = List.copyOf(patterns);
        this.required = List.copyOf(required);
    }

    /** One marker's patterns, compiled with {@code flags} (which must include case-insensitive matching). */
    static SourcePattern of(List<String> regexes, int flags) {
        List<Pattern> patterns = new ArrayList<>();
        List<Requirements> required = new ArrayList<>();
        for (String regex : regexes) {
            // a find of "a|b" succeeds exactly when a find of a or a find of b does
            List<String> alternatives = regex.contains("\\") && hasBackReference(regex) ? List.of(regex)
                    : topLevelAlternatives(regex);
            for (String alternative : alternatives) {
                patterns.add(Pattern.compile(alternative, flags));
                required.add(Requirements.of(alternative));
            }
        }
        return new SourcePattern(patterns, required);
    }

    /** Whether one of the patterns is found in {@code text}; {@code folded} is {@code fold(text)}. */
    boolean foundIn(String text, String folded) {
        for (int i = 0; i < patterns.size(); i++) {
            if (required.get(i).found(patterns.get(i), text, folded)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text as case-insensitive Unicode matching compares it, one char for one char: the lower case of the
     * upper case (so long s, dotless i and the Kelvin sign fold as the regex engine folds them).
     */
    static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
                    : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(out);
    }

    private static boolean hasBackReference(String regex) {
        for (int i = 0; i + 1 < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                if (Character.isDigit(regex.charAt(i + 1)) || regex.charAt(i + 1) == 'k') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(regex.substring(start));
        return parts;
    }

    /**
     * What every match of one pattern contains: each list of {@code anyOf} has one of its (folded) texts in the
     * match; {@code anchor}, the first required text, starts at most {@code anchorOffset} chars after the match
     * start ({@code -1}: unbounded). Nothing known ({@code anyOf} empty) runs the pattern unfiltered.
     */
    record Requirements(List<List<String>> anyOf, String anchor, int anchorOffset) {

        private static final Requirements NONE = new Requirements(List.of(), null, -1);
        /** Chars a regex treats literally outside classes and groups. */
        private static final String PLAIN_PUNCTUATION = " '-,\"_/:=;<>!@#%&~`";

        boolean found(Pattern pattern, String text, String folded) {
            for (List<String> options : anyOf) {
                if (!anyIn(options, folded)) {
                    return false;
                }
            }
            if (anchor == null || anchorOffset < 0) {
                return pattern.matcher(text).find();
            }
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            int tried = -1; // starts below this were tried already
            for (int at = folded.indexOf(anchor); at >= 0; at = folded.indexOf(anchor, at + 1)) {
                for (int start = Math.max(tried, Math.max(0, at - anchorOffset)); start <= at; start++) {
                    m.region(start, text.length());
                    if (m.lookingAt()) {
                        return true;
                    }
                }
                tried = at + 1;
            }
            return false;
        }

        private static boolean anyIn(List<String> options, String folded) {
            for (String o : options) {
                if (folded.contains(o)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Reads the plain runs outside groups and classes (each required), and mandatory groups that are a plain
         * alternation (one of them required). Gives up ({@link #NONE}) on anything it does not know for sure:
         * lookarounds, inline flags, quoting, escapes with arguments, top-level alternation.
         */
        static Requirements of(String regex) {
            if (regex.replace("(?:", "").contains("(?") || topLevelAlternatives(regex).size() > 1) {
                return NONE;
            }
            List<List<String>> anyOf = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            String anchor = null;
            int anchorOffset = -1;
            int width = 0; // max chars a match consumes before the current position; -1: unbounded
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
                int tokenEnd;
                int tokenWidth;
                boolean plain = false;
                List<String> group = null;
                if (c == '\\') {
                    if (i + 1 >= regex.length() || "QEpPxukNc0123456789".indexOf(next) >= 0) {
                        return NONE; // quoting and escapes with arguments: not worth parsing
                    }
                    tokenEnd = i + 1;
                    tokenWidth = "bBAGZz".indexOf(next) >= 0 ? 0 : 1;
                } else if (c == '[') {
                    int close = classEnd(regex, i);
                    if (close < 0) {
                        return NONE;
                    }
                    tokenEnd = close;
                    tokenWidth = 1;
                } else if (c == '(') {
                    int close = groupEnd(regex, i);
                    if (close < 0) {
                        return NONE;
                    }
                    tokenEnd = close;
                    group = plainAlternatives(regex.substring(i + 1, close));
                    tokenWidth = group == null ? -1 : longest(group);
                } else if (c == '^' || c == '$') {
                    tokenEnd = i;
                    tokenWidth = 0;
                } else if (c == '.') {
                    tokenEnd = i;
                    tokenWidth = 1;
                } else if (Character.isLetterOrDigit(c) || PLAIN_PUNCTUATION.indexOf(c) >= 0) {
                    tokenEnd = i;
                    tokenWidth = 1;
                    plain = true;
                } else {
                    return NONE; // a quantifier or construct this reader does not place
                }
                char after = tokenEnd + 1 < regex.length() ? regex.charAt(tokenEnd + 1) : 0;
                boolean optional = after == '?' || after == '*' || after == '{';
                boolean repeated = after == '*' || after == '+' || after == '{';
                if (plain && !optional && !repeated) {
                    run.append(c);
                } else if (plain && !optional) {
                    run.append(c); // "ab+c" holds "ab", not "abc"
                    String done = flush(run, anyOf);
                    if (done != null && anchor == null) {
                        anchor = done;
                        anchorOffset = width < 0 ? -1 : width + 1 - done.length();
                    }
                } else {
                    String done = flush(run, anyOf);
                    if (done != null && anchor == null) {
                        anchor = done;
                        anchorOffset = width < 0 ? -1 : width - done.length();
                    }
                    if (group != null && !optional) {
                        anyOf.add(group);
                    }
                }
                width = width < 0 || tokenWidth < 0 || repeated ? -1 : width + tokenWidth;
                i = tokenEnd;
                if (after == '?' || after == '*' || after == '+') {
                    i++;
                    if (i + 1 < regex.length() && (regex.charAt(i + 1) == '?' || regex.charAt(i + 1) == '+')) {
                        i++; // lazy or possessive
                    }
                } else if (after == '{') {
                    int close = regex.indexOf('}', tokenEnd + 1);
                    if (close < 0) {
                        return NONE;
                    }
                    i = close;
                }
            }
            String done = flush(run, anyOf);
            if (done != null && anchor == null) {
                anchor = done;
                anchorOffset = width < 0 ? -1 : width - done.length();
            }
            return anyOf.isEmpty() ? NONE : new Requirements(List.copyOf(anyOf), anchor, anchorOffset);
        }

        /** Adds the run as a requirement when it is long enough to be worth a search; returns it (or null). */
        private static String flush(StringBuilder run, List<List<String>> anyOf) {
            String text = run.length() >= 2 ? fold(run) : null;
            if (text != null) {
                anyOf.add(List.of(text));
            }
            run.setLength(0);
            return text;
        }

        private static int classEnd(String regex, int open) {
            int i = open + 1;
            if (i < regex.length() && regex.charAt(i) == '^') {
                i++;
            }
            if (i < regex.length() && regex.charAt(i) == ']') {
                i++;
            }
            for (; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    return -1; // nested classes: not read
                } else if (c == ']') {
                    return i;
                }
            }
            return -1;
        }

        private static int groupEnd(String regex, int open) {
            int depth = 0;
            for (int i = open; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    i = classEnd(regex, i);
                    if (i < 0) {
                        return -1;
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        /** The folded alternatives of a group made only of plain texts of 2+ chars, or null. */
        private static List<String> plainAlternatives(String inner) {
            String body = inner.startsWith("?:") ? inner.substring(2) : inner;
            List<String> out = new ArrayList<>();
            for (String alt : body.split("\\|", -1)) {
                if (alt.length() < 2) {
                    return null;
                }
                for (int i = 0; i < alt.length(); i++) {
                    char c = alt.charAt(i);
                    if (!Character.isLetterOrDigit(c) && PLAIN_PUNCTUATION.indexOf(c) < 0) {
                        return null;
                    }
                }
                out.add(fold(alt));
            }
            return out;
        }

        private static int longest(List<String> texts) {
            int max = 0;
            for (String t : texts) {
                max = Math.max(max, t.length());
            }
            return max;
        }
    }
}
