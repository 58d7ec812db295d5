package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Something a page must contain for a CSS selector to match one of its elements: a tag, an attribute name, or a
 * text inside some class or id value. Each selector query walks the whole document; a page's tags, attribute
 * names, classes and ids are gathered once ({@link Page}), and a marker whose every selector's hint is absent is
 * not queried: its query would find nothing. A selector this reader does not understand gets no hint (always
 * queried), so hints never change what is found.
 */
final class SelectorHint {

    private enum Where { ALWAYS, TAG, ATTRIBUTE, CLASS_TOKEN, CLASS_TEXT, ID_EXACT, ID_TEXT }

    private final Where where;
    private final String value;

    private SelectorHint(Where where, String value) {
        this.where = where;
        this.value = value;
    }

    /** Whether any of the selectors may match on the page. */
    static boolean anyMayMatch(List<SelectorHint> hints, Page page) {
        for (SelectorHint h : hints) {
            if (h.mayMatch(page)) {
                return true;
            }
        }
        return false;
    }

    boolean mayMatch(Page page) {
        switch (where) {
            case TAG: return page.tags.contains(value);
            case ATTRIBUTE: return page.attributes.contains(value);
            case CLASS_TOKEN: return page.classesFolded.contains(value);
            case CLASS_TEXT: return page.classesLower.contains(value);
            case ID_EXACT: return page.idsFolded.contains(value);
            case ID_TEXT: return page.idsLower.contains(value);
            default: return true;
        }
    }

    /** Hints for each selector of a marker. */
    static List<SelectorHint> of(List<String> selectors) {
        List<SelectorHint> out = new ArrayList<>();
        for (String s : selectors) {
            out.add(of(s));
        }
        return out;
    }

    /** The hint of one selector: read from its subject (rightmost compound), the most telling part. */
    static SelectorHint of(String selector) {
        String s = selector.strip();
        if (s.isEmpty() || s.contains(",") || s.contains(":") || s.contains("(") || s.contains("\"")
                || s.contains("'") || s.contains("\\") || s.contains("|") || s.contains("!=") || s.contains("[^")) {
            return new SelectorHint(Where.ALWAYS, null);
        }
        int start = 0;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (c == ' ' || c == '>' || c == '~' || c == '+')) {
                start = i + 1;
            }
        }
        String compound = s.substring(start).strip();
        if (compound.isEmpty() || compound.startsWith("*")) {
            return new SelectorHint(Where.ALWAYS, null);
        }
        SelectorHint best = null;
        int i = 0;
        while (i < compound.length()) {
            char c = compound.charAt(i);
            int end;
            SelectorHint h;
            if (c == '[') {
                end = compound.indexOf(']', i);
                if (end < 0) {
                    return new SelectorHint(Where.ALWAYS, null);
                }
                h = attribute(compound.substring(i + 1, end));
                end++;
            } else if (c == '.' || c == '#') {
                end = nameEnd(compound, i + 1);
                String name = compound.substring(i + 1, end);
                h = c == '.' ? new SelectorHint(Where.CLASS_TOKEN, SourcePattern.fold(name))
                        : new SelectorHint(Where.ID_EXACT, SourcePattern.fold(name));
            } else {
                end = nameEnd(compound, i);
                if (end == i) {
                    return new SelectorHint(Where.ALWAYS, null);
                }
                h = new SelectorHint(Where.TAG, compound.substring(i, end).toLowerCase(Locale.ROOT));
            }
            if (h == null) {
                return new SelectorHint(Where.ALWAYS, null);
            }
            if (best == null || h.where.ordinal() > best.where.ordinal()) {
                best = h; // class and id texts are rarer than attribute names, which are rarer than tags
            }
            i = end;
        }
        return best == null ? new SelectorHint(Where.ALWAYS, null) : best;
    }

    private static int nameEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                || s.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** {@code name}, {@code name=v}, {@code name*=v}, {@code name^=v}, {@code name$=v}, {@code name~=re}. */
    private static SelectorHint attribute(String inside) {
        int op = 0;
        while (op < inside.length() && "=*^$~".indexOf(inside.charAt(op)) < 0) {
            op++;
        }
        String name = inside.substring(0, op).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        String operator = op < inside.length() ? inside.substring(op, Math.min(inside.length(),
                inside.charAt(op) == '=' ? op + 1 : op + 2)) : "";
        String value = inside.substring(Math.min(inside.length(), op + operator.length()))
                .toLowerCase(Locale.ENGLISH).trim();
        if ((operator.equals("*=") || operator.equals("^=") || operator.equals("$=")) && isPlainName(value)) {
            if (name.equals("class")) {
                return new SelectorHint(Where.CLASS_TEXT, value);
            }
            if (name.equals("id")) {
                return new SelectorHint(Where.ID_TEXT, value);
            }
        }
        return new SelectorHint(Where.ATTRIBUTE, name);
    }

    private static boolean isPlainName(String value) {
        return !value.isEmpty() && nameEnd(value, 0) == value.length();
    }

    /** What one document offers to selectors, gathered in one pass. */
    static final class Page {
        final Set<String> tags = new HashSet<>();
        final Set<String> attributes = new HashSet<>();
        final String classesFolded;
        final String classesLower;
        final String idsFolded;
        final String idsLower;

        Page(Document doc) {
            this(ElementWalk.all(doc));
        }

        /** The page of a document given all its elements (the document first), in document order. */
        Page(List<Element> allElements) {
            StringBuilder classes = new StringBuilder();
            StringBuilder idText = new StringBuilder();
            for (Element e : allElements) {
                tags.add(e.normalName());
                for (Attribute a : e.attributes()) {
                    String key = a.getKey().toLowerCase(Locale.ROOT);
                    attributes.add(key);
                    if (key.equals("class")) {
                        classes.append(a.getValue()).append('\n');
                    } else if (key.equals("id")) {
                        idText.append(a.getValue()).append('\n');
                    }
                }
            }
            classesFolded = SourcePattern.fold(classes);
            classesLower = classes.toString().toLowerCase(Locale.ENGLISH);
            idsFolded = SourcePattern.fold(idText);
            idsLower = idText.toString().toLowerCase(Locale.ENGLISH);
        }
    }
}
