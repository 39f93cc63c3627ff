package dev.newsharvester.extract;

/** One paragraph-level piece of extracted text and what kind of element it came from. */
record Block(String text, Kind kind) {

    enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE }

    boolean isHeading() {
        return kind == Kind.HEADING;
    }
}
