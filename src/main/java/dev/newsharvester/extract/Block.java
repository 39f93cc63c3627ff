package dev.newsharvester.extract;

/**
 * One paragraph-level piece of extracted text, what kind of element it came from, and how many of
 * its non-space characters were link text.
 */
record Block(String text, Kind kind, int linkChars) {

    enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE }

    Block(String text, Kind kind) {
        this(text, kind, 0);
    }

    boolean isHeading() {
        return kind == Kind.HEADING;
    }

    /** Share of the non-space characters that are link text, in [0, 1]. */
    double linkDensity() {
        int n = TextStats.nonSpace(text);
        return n == 0 ? 0 : Math.min(1.0, (double) linkChars / n);
    }
}
