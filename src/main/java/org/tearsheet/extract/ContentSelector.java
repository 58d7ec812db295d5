package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the article body in a {@link ContentModel}, in the manner of Readability: every paragraph scores its
 * nearby ancestors by length and punctuation, ancestors are weighted by tag and class names and penalised by
 * link density, the best container wins and its siblings join when they look like content too.
 */
final class ContentSelector {

    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]( |$)");

    private final ContentModel model;
    private final boolean useChrome;
    private final boolean weightClasses;

    ContentSelector(ContentModel model, boolean useChrome, boolean weightClasses) {
        this.model = model;
        this.useChrome = useChrome;
        this.weightClasses = weightClasses;
    }

    /** Indices of the selected blocks, in document order; empty when the page has no paragraph text. */
    List<Integer> select() {
        for (ContentNode n : model.nodes) {
            n.score = 0;
            n.scored = false;
        }
        List<ContentNode> candidates = new ArrayList<>();
        for (TextBlock b : model.blocks) {
            if (b.chars < MIN_PARAGRAPH_CHARS || (useChrome && b.container.chrome)) {
                continue;
            }
            if (b.kind == TextBlock.Kind.HEADING || b.kind == TextBlock.Kind.CAPTION) {
                continue;
            }
            double s = 1 + commas(b.text) + Math.min(3, b.chars / 100.0);
            ContentNode level0 = paragraphParent(b);
            ContentNode a = level0;
            for (int level = 0; a != null && level < 5; level++, a = a.parent) {
                if (!a.scored) {
                    a.scored = true;
                    a.score = initialScore(a);
                    candidates.add(a);
                }
                a.score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3.0);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        for (ContentNode c : candidates) {
            c.score *= 1 - c.linkDensity();
        }
        candidates.sort(Comparator.comparingDouble((ContentNode c) -> -c.score));
        ContentNode top = refine(candidates.get(0), candidates);
        return gather(top);
    }

    /** The element a block's score goes to first: the block's own container when it mixes runs and blocks. */
    private static ContentNode paragraphParent(TextBlock b) {
        ContentNode c = b.container;
        boolean paragraphTag = switch (c.tag) {
            case "p", "pre", "td", "th", "blockquote", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                 "figcaption", "caption", "address", "summary", "legend" -> true;
            default -> false;
        };
        if (!paragraphTag && (c.ownRuns > 1 || !c.children.isEmpty())) {
            return c;
        }
        return c.parent != null ? c.parent : c;
    }

    private double initialScore(ContentNode n) {
        double s = switch (n.tag) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (weightClasses) {
            s += n.classWeight;
        }
        if (n.declaredBody) {
            s += 50;
        }
        return s;
    }

    /** Readability's adjustments: prefer a shared ancestor of several good candidates, climb while it pays. */
    private ContentNode refine(ContentNode top, List<ContentNode> sorted) {
        // Several top candidates under one ancestor: the ancestor is the article, they are its sections.
        List<ContentNode> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, sorted.size()); i++) {
            if (sorted.get(i).score / top.score >= 0.75) {
                alternatives.add(sorted.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            for (ContentNode p = top.parent; p != null && p != model.root; p = p.parent) {
                int contained = 0;
                for (ContentNode alt : alternatives) {
                    if (p.isAncestorOf(alt)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = p;
                    break;
                }
            }
        }
        // Climb while the parent scores at least as well (the content was split into sub-containers).
        double lastScore = top.score;
        double threshold = lastScore / 3;
        for (ContentNode p = top.parent; p != null && p != model.root; p = p.parent) {
            if (!p.scored) {
                continue;
            }
            if (p.score < threshold) {
                break;
            }
            if (p.score > lastScore) {
                top = p;
                break;
            }
            lastScore = p.score;
        }
        // A lone child holds nothing its parent does not.
        while (top.parent != null && top.parent != model.root && top.parent.children.size() == 1
                && top.parent.ownRuns == 0) {
            top = top.parent;
        }
        return top;
    }

    /** The top candidate's blocks plus those of siblings that look like content. */
    private List<Integer> gather(ContentNode top) {
        List<Integer> out = new ArrayList<>();
        ContentNode parent = top.parent;
        if (parent == null) {
            addRange(out, top);
            return out;
        }
        double threshold = Math.max(10, top.score * 0.2);
        String topClass = top.className();
        int cursor = parent.firstBlock;
        for (ContentNode sibling : parent.children) {
            // Loose text runs between sibling elements are paragraphs too.
            for (int i = cursor; i < sibling.firstBlock; i++) {
                if (looseParagraphJoins(model.blocks.get(i))) {
                    out.add(i);
                }
            }
            cursor = sibling.endBlock;
            if (sibling == top) {
                addRange(out, top);
                continue;
            }
            if (useChrome && sibling.chrome) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? top.score * 0.2 : 0;
            boolean join = sibling.scored && sibling.score + bonus >= threshold;
            if (!join && (sibling.tag.equals("p") || sibling.children.isEmpty()) && sibling.chars > 0) {
                double ld = sibling.linkDensity();
                join = sibling.chars > 80 ? ld < 0.25
                        : ld == 0 && SENTENCE_END.matcher(lastText(sibling)).find();
            }
            if (join) {
                addRange(out, sibling);
            }
        }
        for (int i = cursor; i < parent.endBlock; i++) {
            if (looseParagraphJoins(model.blocks.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    private boolean looseParagraphJoins(TextBlock b) {
        return b.chars > 80 ? b.linkDensity() < 0.25 : b.linkChars == 0 && SENTENCE_END.matcher(b.text).find();
    }

    private String lastText(ContentNode n) {
        return n.endBlock > n.firstBlock ? model.blocks.get(n.endBlock - 1).text : "";
    }

    private static void addRange(List<Integer> out, ContentNode n) {
        for (int i = n.firstBlock; i < n.endBlock; i++) {
            out.add(i);
        }
    }

    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFE50' || c == '\uFE10' || c == '\uFE11' || c == '\u2E41'
                    || c == '\u2E34' || c == '\u2E32' || c == '\uFF0C' || c == '\u3001') {
                n++;
            }
        }
        return n;
    }
}
