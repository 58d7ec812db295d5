package org.tearsheet.extract;

/**
 * One paragraph-like run of text: the inline content between two block boundaries.
 * Text is whitespace-normalised (line breaks from {@code <br>} kept), except in {@code <pre>}.
 */
final class TextBlock {

    /** What kind of element holds the block; decides how it is scored and rendered. */
    enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE, PRE, CELL, CAPTION }

    final String text;
    final int chars;
    final int linkChars;
    final ContentNode container;
    final Kind kind;
    /** The table row of a cell block, else {@code null}. */
    final ContentNode row;
    /** {@link TextAssembler#key} of the text, computed on first use: both passes and the body hint compare it. */
    private String key;

    TextBlock(String text, int linkChars, ContentNode container, Kind kind, ContentNode row) {
        this.text = text;
        this.chars = text.length();
        this.linkChars = Math.min(linkChars, this.chars);
        this.container = container;
        this.kind = kind;
        this.row = row;
    }

    String key() {
        if (key == null) {
            key = TextAssembler.key(text);
        }
        return key;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    @Override
    public String toString() {
        return kind + "@" + container + ": " + (text.length() > 80 ? text.substring(0, 80) + "..." : text);
    }
}
