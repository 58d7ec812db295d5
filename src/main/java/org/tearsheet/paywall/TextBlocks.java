package org.tearsheet.paywall;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The visible text blocks of a page in document order: each block element (paragraph, heading, div with text)
 * with its own line of text (its text nodes and inline children, not nested blocks). Phrase markers are
 * matched against these lines.
 */
final class TextBlocks {

    static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code",
            "data", "dfn", "em", "font", "i", "img", "kbd", "label", "mark", "q", "s", "samp", "small", "span",
            "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins");
    static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "svg", "head",
            "title", "iframe", "object");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final Map<Element, Block> blocks = new LinkedHashMap<>();
    /** Memo of {@link #hidden}: asked for most elements, and each answer needs all ancestors. */
    private final AncestorMatch hidden = new AncestorMatch((root, p) -> hiddenItself(p));

    private TextBlocks() {
    }

    static TextBlocks of(Document doc) {
        return of(doc, doc.body() == null ? List.of() : ElementWalk.all(doc.body()));
    }

    /** {@link #of(Document)} given the body's elements in document order, when the caller walked them already. */
    static TextBlocks of(Document doc, List<Element> bodyElements) {
        TextBlocks t = new TextBlocks();
        t.collect(doc, bodyElements);
        return t;
    }

    /** Blocks in document order (jsoup elements compare by identity). */
    Collection<Map.Entry<Element, Block>> entries() {
        return blocks.entrySet();
    }

    /** The block of this element, or {@code null} when it is not a text block. */
    Block get(Element e) {
        return blocks.get(e);
    }

    private void collect(Document doc, List<Element> bodyElements) {
        if (doc.body() == null) {
            return;
        }
        for (Element e : bodyElements) {
            if (INVISIBLE.contains(e.tagName()) || !hasOwnText(e)) {
                continue;
            }
            Element block = e;
            while (INLINE.contains(block.tagName()) && block.parent() != null && block.parent() != doc.body()) {
                block = block.parent();
            }
            if (!blocks.containsKey(block) && !hidden(block)) {
                String text = BodyText.normalize(inlineText(block));
                blocks.put(block, new Block(text, BodyText.words(text)));
            }
        }
    }

    /** A block's own line of text: its text nodes and inline children, not the text of nested blocks. */
    private String inlineText(Element block) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < block.childNodeSize(); i++) {
            Node n = block.childNode(i);
            if (n instanceof TextNode t) {
                sb.append(t.text());
            } else if (n instanceof Element child && INLINE.contains(child.tagName()) && !hidden(child)) {
                sb.append(child.text());
            } else if (n instanceof Element) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    static boolean hasOwnText(Element e) {
        for (int i = 0; i < e.childNodeSize(); i++) { // by index: childNodes() copies the list
            Node n = e.childNode(i);
            if (n instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isHidden}, memoised for this page (the answer of an element is its parent's or its own). */
    boolean hidden(Element e) {
        return e != null && hidden.any(e);
    }

    private static boolean hiddenItself(Element p) {
        return INVISIBLE.contains(p.tagName()) || p.hasAttr("hidden")
                || (p.hasAttr("style") && HIDDEN_STYLE.matcher(p.attr("style")).find());
    }

    static boolean isHidden(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (INVISIBLE.contains(p.tagName()) || p.hasAttr("hidden")
                    || (p.hasAttr("style") && HIDDEN_STYLE.matcher(p.attr("style")).find())) {
                return true;
            }
        }
        return false;
    }

    /** A visible text block: normalised text and word count; {@code matched} once known wording is found. */
    static final class Block {
        final String text;
        final int words;
        boolean matched;

        Block(String text, int words) {
            this.text = text;
            this.words = words;
        }
    }
}
