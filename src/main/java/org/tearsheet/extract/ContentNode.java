package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A block-level element of the page as the extractor sees it: its place in the tree, the range of text
 * blocks it contains and the statistics the scorer needs. Built once per extraction, never shared.
 */
final class ContentNode {

    final Element element;
    final ContentNode parent;
    final String tag;
    final int depth;
    final List<ContentNode> children = new ArrayList<>(4);
    /** Furniture by tag or ARIA role (before the protection rule); see {@link ChromeRules}. */
    final boolean structuralChrome;
    /** Furniture by class/id names (before the protection rule). */
    final boolean namedChrome;
    /** Readability-style class weight (-50..+50). */
    final int classWeight;
    /** Declared as the article body (schema.org microdata articleBody / text). */
    final boolean declaredBody;

    int firstBlock;
    int endBlock;
    /** Text blocks directly inside this node (not inside a child node). */
    int ownRuns;
    int chars;
    int linkChars;
    /** Characters in "good" paragraphs (long, few links); used to protect article wrappers. */
    int goodChars;

    boolean chrome;
    double score;
    boolean scored;

    ContentNode(Element element, ContentNode parent, String tag, boolean structuralChrome, boolean namedChrome,
                int classWeight, boolean declaredBody) {
        this.element = element;
        this.parent = parent;
        this.tag = tag;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.structuralChrome = structuralChrome;
        this.namedChrome = namedChrome;
        this.classWeight = classWeight;
        this.declaredBody = declaredBody;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    boolean isAncestorOf(ContentNode other) {
        for (ContentNode n = other; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    String className() {
        return element.className();
    }

    @Override
    public String toString() {
        return tag + (element.id().isEmpty() ? "" : "#" + element.id())
                + (element.className().isEmpty() ? "" : "." + element.className().replace(' ', '.'));
    }
}
