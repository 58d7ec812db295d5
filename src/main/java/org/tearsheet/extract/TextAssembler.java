package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the selected blocks into the article text: drops link lists, furniture phrases, captions, repeated
 * paragraphs, the headline and the byline/date lines around the body, and renders what is left with
 * blank lines between paragraphs, "- " before list items and " | " between table cells.
 */
final class TextAssembler {

    /** A dateline or timestamp line: digits with date separators, or month names, and little else. */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}:\\d{2}|\\b(?:19|20)\\d{2}\\b|\\b\\d+\\s*(?:min|mins|minutes|hours?|hrs?|days?|std|stunden?|heures?|horas?|ore|uur|godz)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Byline openers in the languages of the phrase list, followed by a capitalised name: "Par Jean Dupont"
     * is a byline, "Par une froide matinée" and "Por primera vez" are not.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by|von|par|por|di|door|przez|af|av|autor|autorin|author|written by|posted by|published by|"
                    + "text:|texte?:)\\s+\\p{Lu}",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** "Updated at 1:23 p.m.", "Publié le 18 novembre 2019" and their kin. */
    private static final Pattern DATE_PREFIX = Pattern.compile(
            "^\\W*(?:last updated|updated|published|posted|first published|aktualisiert|veröffentlicht|mis à jour|"
                    + "publié|actualizado|publicado|aggiornato|pubblicato|atualizado|bijgewerkt|gepubliceerd|"
                    + "zaktualizowano|opublikowano|uppdaterad|publicerad|opdateret|udgivet|aktualizováno)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NO_WORD = Pattern.compile("^[\\W_]*$", Pattern.UNICODE_CHARACTER_CLASS);

    /** Class names of standfirsts (summary lines under the headline). */
    private static final List<String> STANDFIRST_NAMES = List.of(
            "standfirst", "dek", "deck", "strapline", "subtitle", "sub-title", "subheadline", "summary", "teaser",
            "intro", "chapo", "chapeau", "lead-in", "entradilla", "sottotitolo", "vorspann");

    /** Short repeated lines ("Meal 2", "Step 1") are structure, not duplicated paragraphs. */
    private static final int MIN_DEDUPE_KEY = 30;

    private final ContentModel model;
    private final BoilerplatePhrases phrases;
    private final boolean skipChrome;

    TextAssembler(ContentModel model, BoilerplatePhrases phrases, boolean skipChrome) {
        this.model = model;
        this.phrases = phrases;
        this.skipChrome = skipChrome;
    }

    /** One kept block with its rendered text. */
    private record Kept(TextBlock block, String text) {
    }

    String assemble(List<Integer> selected, String title, List<String> authors, String description) {
        String titleKey = key(title);
        String descriptionKey = key(description);
        Set<String> authorKeys = new HashSet<>();
        for (String a : authors) {
            authorKeys.add(key(a));
        }
        List<Kept> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean previousDropped = false;
        for (TextBlock b : mergeRows(selected)) {
            boolean drop = dropped(b, titleKey);
            if (!drop) {
                String k = b.key();
                drop = k.length() >= MIN_DEDUPE_KEY && !seen.add(k);
            }
            if (drop) {
                // A heading introducing furniture ("Related stories" above a link list) goes with it.
                if (!previousDropped && !kept.isEmpty() && kept.get(kept.size() - 1).block.kind == TextBlock.Kind.HEADING
                        && b.kind != TextBlock.Kind.HEADING) {
                    kept.remove(kept.size() - 1);
                }
                previousDropped = true;
                continue;
            }
            previousDropped = false;
            kept.add(new Kept(b, render(b)));
        }
        // A standfirst repeats the meta description and belongs in that field; a lede paragraph (<p>) that
        // sites reuse as their description is body text.
        if (!descriptionKey.isEmpty() && !kept.isEmpty() && isStandfirst(kept.get(0).block.container)
                && kept.get(0).block.key().equals(descriptionKey)) {
            kept.remove(0);
        }
        trimEdges(kept, titleKey, authorKeys);
        return join(kept);
    }

    /** Table cells of one row become one block ("a | b | c"), so a row is judged as a whole. */
    private List<TextBlock> mergeRows(List<Integer> selected) {
        List<TextBlock> out = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            TextBlock b = model.blocks.get(selected.get(i));
            if (b.row == null) {
                out.add(b);
                continue;
            }
            StringBuilder text = new StringBuilder(b.text);
            int links = b.linkChars;
            int cells = 1;
            while (i + 1 < selected.size() && model.blocks.get(selected.get(i + 1)).row == b.row) {
                TextBlock next = model.blocks.get(selected.get(++i));
                text.append(" | ").append(next.text);
                links += next.linkChars;
                cells++;
            }
            out.add(cells == 1 ? b : new TextBlock(text.toString(), links, b.container, b.kind, b.row));
        }
        return out;
    }

    private boolean dropped(TextBlock b, String titleKey) {
        if (skipChrome && b.container.chrome) {
            return true;
        }
        if (b.kind == TextBlock.Kind.CAPTION) {
            return true;
        }
        double ld = b.linkDensity();
        if (ld > 0.5 && !isLinkedSentence(b)) {
            return true;
        }
        if (b.kind == TextBlock.Kind.LIST_ITEM && ld > 0.3 && b.chars < 200) {
            return true;
        }
        if (NO_WORD.matcher(b.text).matches()) {
            return true;
        }
        if (!titleKey.isEmpty() && b.chars < 400 && b.key().equals(titleKey)) {
            return true;
        }
        return phrases.matches(b.text);
    }

    /** A summary element rather than a lede paragraph: not a {@code <p>}, or a {@code <p>} named as a summary. */
    private static boolean isStandfirst(ContentNode container) {
        if (!container.tag.equals("p")) {
            return true;
        }
        String cls = container.className().toLowerCase(Locale.ROOT);
        for (String name : STANDFIRST_NAMES) {
            if (cls.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A body sentence whose names happen to be links ("<a>Jane Doe</a> has been eliminated from <a>...</a>.")
     * rather than a link list: a paragraph element, some unlinked words, sentence punctuation at the end.
     */
    private static boolean isLinkedSentence(TextBlock b) {
        return b.kind == TextBlock.Kind.PARAGRAPH && b.container.tag.equals("p") && b.linkDensity() <= 0.8
                && b.chars - b.linkChars >= 20 && endsSentence(b.text);
    }

    /** Removes headings with nothing after them, and byline/date/furniture lines before and after the body. */
    private void trimEdges(List<Kept> kept, String titleKey, Set<String> authorKeys) {
        while (!kept.isEmpty() && isEdgeNoise(kept.get(0).block, titleKey, authorKeys)) {
            kept.remove(0);
        }
        while (!kept.isEmpty()) {
            TextBlock last = kept.get(kept.size() - 1).block;
            if (last.kind == TextBlock.Kind.HEADING || isEdgeNoise(last, titleKey, authorKeys)) {
                kept.remove(kept.size() - 1);
            } else {
                break;
            }
        }
        for (int i = kept.size() - 2; i >= 0; i--) {
            if (kept.get(i).block.kind == TextBlock.Kind.HEADING && kept.get(i + 1).block.kind == TextBlock.Kind.HEADING
                    && headingRank(kept.get(i).block) >= headingRank(kept.get(i + 1).block)) {
                kept.remove(i);
            }
        }
    }

    private boolean isEdgeNoise(TextBlock b, String titleKey, Set<String> authorKeys) {
        if (b.chars > 120) {
            return false;
        }
        String k = b.key();
        if (k.equals(titleKey) || authorKeys.contains(k)) {
            return true;
        }
        if (BYLINE.matcher(b.text).find()) {
            return true;
        }
        for (String a : authorKeys) {
            if (!a.isEmpty() && k.contains(a) && b.chars < 80) {
                return true;
            }
        }
        if (b.chars < 80 && DATE_PREFIX.matcher(b.text).find() && DATE_LINE.matcher(b.text).find()) {
            return true;
        }
        // Short line made mostly of a date/time: a dateline, "Updated 3 hours ago".
        return b.chars < 60 && DATE_LINE.matcher(b.text).find() && !endsSentence(b.text);
    }

    private static boolean endsSentence(String s) {
        char c = s.charAt(s.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '。' || c == '"' || c == '”';
    }

    private int headingRank(TextBlock b) {
        for (ContentNode n = b.container; n != null; n = n.parent) {
            if (n.tag.length() == 2 && n.tag.charAt(0) == 'h' && Character.isDigit(n.tag.charAt(1))) {
                return n.tag.charAt(1) - '0';
            }
        }
        return 6;
    }

    private static String render(TextBlock b) {
        return switch (b.kind) {
            case LIST_ITEM -> "- " + b.text;
            default -> b.text;
        };
    }

    private static String join(List<Kept> kept) {
        // Sized up front (text plus at most two separator chars per block): the article text is the largest
        // string of the extraction, and growing to it would copy it repeatedly.
        int size = 0;
        for (Kept k : kept) {
            size += k.text.length() + 2;
        }
        StringBuilder sb = new StringBuilder(size);
        TextBlock previous = null;
        for (Kept k : kept) {
            TextBlock b = k.block;
            if (previous != null) {
                boolean sameTable = b.row != null && previous.row != null && b.row.parent == previous.row.parent;
                sb.append(sameTable ? "\n" : "\n\n");
            }
            sb.append(k.text);
            previous = b;
        }
        return sb.toString();
    }

    /** Comparison key: lowercase letters and digits only. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                // Same as below for ASCII, without the Unicode table lookups (most text of most pages).
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    sb.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    sb.append((char) (c + ('a' - 'A')));
                }
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                ascii = false;
            }
        }
        // Lowercase ASCII is its own lowercase; other letters may lowercase differently in context (final sigma).
        return ascii ? sb.toString() : sb.toString().toLowerCase(Locale.ROOT);
    }
}
