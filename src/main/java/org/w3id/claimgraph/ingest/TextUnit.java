package org.w3id.claimgraph.ingest;

/**
 * A sentence, list item or heading of a document: characters [start, end) (trimmed), its 1-based line,
 * and whether it is a heading, a bullet (the first sentence of a list item) or a sentence.
 */
record TextUnit(int start, int end, int line, Kind kind) {
    enum Kind { HEADING, BULLET, SENTENCE }

    String text(String document) {
        return document.substring(start, end);
    }

    /** A sentence that ends with a colon introduces the list below it. */
    boolean leadIn(String document) {
        return kind != Kind.HEADING && end > start && document.charAt(end - 1) == ':';
    }
}
