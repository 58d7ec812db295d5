package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A read-only view of a page for extraction: block-level elements as {@link ContentNode}s and their text as
 * {@link TextBlock}s in document order. Built by one iterative traversal (no recursion, so deep nesting is
 * safe) that never modifies the DOM. Each node covers a contiguous range of blocks, which makes "the text
 * under this element" a slice.
 */
final class ContentModel {

    /** Text beyond this many characters is ignored: bounds time and memory on pathological pages. */
    static final int MAX_TEXT_CHARS = 2_000_000;
    /** Block elements beyond this many are treated as inline: bounds the model on pathological pages. */
    static final int MAX_NODES = 200_000;

    /**
     * A furniture-named node needs this much good text to count as a mislabelled article wrapper: a barrier
     * box or cookie notice can be the only text of a page, but it is never article-sized.
     */
    static final int MIN_PROTECTED_CHARS = 400;

    final List<ContentNode> nodes = new ArrayList<>();
    final List<TextBlock> blocks = new ArrayList<>();
    final ContentNode root;

    private ContentModel(ContentNode root) {
        this.root = root;
    }

    static ContentModel build(Element body) {
        ContentNode root = new ContentNode(body, null, "body", false, false, 0, false);
        ContentModel model = new ContentModel(root);
        model.nodes.add(root);
        Builder builder = new Builder(model, root);
        NodeTraversor.filter(builder, body);
        builder.flush();
        root.endBlock = model.blocks.size();
        model.computeStatistics();
        return model;
    }

    /** Bottom-up totals; nodes are in pre-order, so walking backwards visits children before parents. */
    private void computeStatistics() {
        for (TextBlock b : blocks) {
            ContentNode c = b.container;
            c.chars += b.chars;
            c.linkChars += b.linkChars;
            if (b.chars >= 80 && b.linkDensity() < 0.3 && b.kind != TextBlock.Kind.CAPTION) {
                c.goodChars += b.chars;
            }
        }
        for (int i = nodes.size() - 1; i > 0; i--) {
            ContentNode n = nodes.get(i);
            ContentNode p = n.parent;
            p.chars += n.chars;
            p.linkChars += n.linkChars;
            p.goodChars += n.goodChars;
        }
    }

    /**
     * Marks chrome nodes, except those holding most of the page's good text (mislabelled wrappers).
     * Class/id names count only when {@code useNames}; tags and roles always do.
     */
    void resolveChrome(boolean useNames) {
        int total = root.goodChars;
        for (ContentNode n : nodes) {
            boolean inherited = n.parent != null && n.parent.chrome;
            boolean own = (n.structuralChrome || (useNames && n.namedChrome))
                    && !(n.goodChars >= MIN_PROTECTED_CHARS && n.goodChars >= 0.6 * total)
                    && !n.declaredBody;
            n.chrome = inherited || own;
        }
    }

    /** The whitespace that separates words in the model (NBSP, thin and zero-width spaces included). */
    static boolean isSpace(char c) {
        if (c < '\u00A0') {
            // Most characters: one range test instead of thirteen comparisons.
            return c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f');
        }
        return c == '\u00A0' || c == '\u200B' || c == '\u2009' || c == '\u202F' || c == '\u3000' || c == '\u2002'
                || c == '\u2003' || c == '\uFEFF';
    }

    /** The traversal: inline content accumulates into the current run, block boundaries flush it. */
    private static final class Builder implements NodeFilter {
        private final ContentModel model;
        private ContentNode current;
        private final StringBuilder run = new StringBuilder();
        private int runLinkChars;
        private int linkDepth;
        private int preDepth;
        private int totalChars;
        private boolean pendingSpace;
        private final PageVerdicts verdicts = new PageVerdicts();
        private static final int NEUTRAL = ChromeRules.NEUTRAL;

        Builder(ContentModel model, ContentNode root) {
            this.model = model;
            this.current = root;
            root.firstBlock = 0;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendText(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (depth == 0) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (tag.equals("br")) {
                lineBreak();
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("hr")) {
                flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            if (ChromeRules.isDroppedTag(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            int classVerdict = NEUTRAL;
            int idVerdict = NEUTRAL;
            boolean hidden = false;
            if (e.attributesSize() > 0) {
                classVerdict = verdicts.ofClass(e.attr("class"));
                idVerdict = verdicts.ofId(e.attr("id"));
                hidden = (classVerdict & ChromeRules.HIDDEN) != 0 || ChromeRules.isHiddenByAttributes(e);
            }
            boolean block = ChromeRules.BLOCK_TAGS.contains(tag) || tag.indexOf('-') > 0;
            if (hidden && !block) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (!block || model.nodes.size() >= MAX_NODES) {
                if ((classVerdict & ChromeRules.STRONG) != 0) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("a")) {
                    linkDepth++;
                }
                return FilterResult.CONTINUE;
            }
            flush();
            // Hidden blocks are furniture, but subject to the protection rule: a client-side paywall may hide
            // an article body that was delivered in full, and that body is still the article.
            ContentNode n = new ContentNode(e, current, tag, hidden || ChromeRules.isStructuralChrome(e, tag),
                    ((classVerdict | idVerdict) & ChromeRules.CHROME) != 0,
                    ChromeRules.weightOf(classVerdict) + ChromeRules.weightOf(idVerdict), ChromeRules.isDeclaredBody(e));
            n.firstBlock = model.blocks.size();
            current.children.add(n);
            model.nodes.add(n);
            current = n;
            if (tag.equals("pre") || tag.equals("listing") || tag.equals("xmp") || tag.equals("plaintext")) {
                preDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e) || depth == 0) {
                return FilterResult.CONTINUE;
            }
            if (current.element == e && current.parent != null) {
                flush();
                current.endBlock = model.blocks.size();
                String tag = current.tag;
                if (tag.equals("pre") || tag.equals("listing") || tag.equals("xmp") || tag.equals("plaintext")) {
                    preDepth--;
                }
                current = current.parent;
            } else if (e.normalName().equals("a")) {
                linkDepth = Math.max(0, linkDepth - 1);
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(String text) {
            if (totalChars >= MAX_TEXT_CHARS) {
                return;
            }
            int limit = Math.min(text.length(), MAX_TEXT_CHARS - totalChars);
            int before = run.length();
            if (preDepth > 0) {
                run.append(text, 0, limit);
            } else {
                // Whitespace collapses to one space; words are copied whole rather than char by char.
                int i = 0;
                while (i < limit) {
                    if (isSpace(text.charAt(i))) {
                        pendingSpace = true;
                        i++;
                        continue;
                    }
                    int end = i + 1;
                    while (end < limit && !isSpace(text.charAt(end))) {
                        end++;
                    }
                    if (pendingSpace && run.length() > 0 && run.charAt(run.length() - 1) != '\n') {
                        run.append(' ');
                    }
                    pendingSpace = false;
                    run.append(text, i, end);
                    i = end;
                }
            }
            int added = run.length() - before;
            totalChars += added;
            if (linkDepth > 0) {
                runLinkChars += added;
            }
        }

        private void lineBreak() {
            pendingSpace = false;
            int len = run.length();
            if (len == 0) {
                return;
            }
            if (run.charAt(len - 1) == '\n') {
                // Two consecutive <br>: a paragraph break in pages that use them instead of <p>.
                run.setLength(len - 1);
                flush();
            } else {
                run.append('\n');
            }
        }

        void flush() {
            pendingSpace = false;
            if (run.length() == 0) {
                runLinkChars = 0;
                return;
            }
            String text = preDepth > 0 ? stripBlankEdges(run.toString()) : run.toString().strip();
            run.setLength(0);
            int links = runLinkChars;
            runLinkChars = 0;
            if (text.isEmpty()) {
                return;
            }
            ContentNode row = null;
            TextBlock.Kind kind = kindOf(current);
            if (kind == TextBlock.Kind.CELL && current.parent != null && current.parent.tag.equals("tr")) {
                row = current.parent;
            }
            model.blocks.add(new TextBlock(text, links, current, kind, row));
            current.ownRuns++;
        }

        private TextBlock.Kind kindOf(ContentNode c) {
            if (preDepth > 0) {
                return TextBlock.Kind.PRE;
            }
            switch (c.tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    return TextBlock.Kind.HEADING;
                case "li", "dd", "dt":
                    return TextBlock.Kind.LIST_ITEM;
                case "td", "th":
                    return TextBlock.Kind.CELL;
                case "figcaption", "caption":
                    return TextBlock.Kind.CAPTION;
                default:
                    break;
            }
            for (ContentNode n = c; n != null && n.depth > c.depth - 4; n = n.parent) {
                if (n.tag.equals("figure") || n.tag.equals("figcaption")) {
                    return TextBlock.Kind.CAPTION;
                }
                if (n.tag.equals("blockquote")) {
                    return TextBlock.Kind.QUOTE;
                }
                if (n.tag.startsWith("h") && n.tag.length() == 2 && Character.isDigit(n.tag.charAt(1))) {
                    return TextBlock.Kind.HEADING;
                }
            }
            return TextBlock.Kind.PARAGRAPH;
        }

        private static String stripBlankEdges(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && (s.charAt(start) == '\n' || s.charAt(start) == '\r')) {
                start++;
            }
            while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(start, end);
        }
    }
}
